package dev.groundwork.sync;

import dev.groundwork.ingest.SourcePath;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One folder whose files are indexed: the ingest folder, or an extra source with its include and exclude globs.
 * Names starting with a dot are never documents, in any source.
 */
final class SourceFolder {

    private final String name;
    private final Path root;
    private final Globs include;
    private final Globs exclude;

    private SourceFolder(String name, Path root, Globs include, Globs exclude) {
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
        this.include = include;
        this.exclude = exclude;
    }

    static SourceFolder ingest(Path root) {
        return new SourceFolder(SourcePath.INGEST, root, null, null);
    }

    static SourceFolder of(SyncSettings.Source source) {
        return new SourceFolder(source.name(), source.dir(), Globs.of(source.include()), Globs.of(source.exclude()));
    }

    String name() {
        return name;
    }

    Path root() {
        return root;
    }

    /** Whether a file at this path (relative to the root, '/' separators) is one of the source's documents. */
    boolean includes(String relativePath) {
        for (String part : relativePath.split("/")) {
            if (part.startsWith(".")) {
                return false;
            }
        }
        return include == null || (include.matchesAny(relativePath) && !exclude.matchesAny(relativePath));
    }

    String recorded(String relativePath) {
        return new SourcePath(name, relativePath).recorded();
    }

    /** Where a path of this source is on disk; empty for a path that would lead out of the folder. */
    Optional<Path> resolve(String relativePath) {
        Path resolved = root.resolve(relativePath).normalize();
        return resolved.startsWith(root) && !resolved.equals(root) ? Optional.of(resolved) : Optional.empty();
    }

    @Override
    public String toString() {
        return name + " (" + root + ")";
    }
}
