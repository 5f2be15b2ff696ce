package dev.groundwork.ingest;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a document's file lives, in the form kept in {@code DocumentRecord.paths}: a path relative to the ingest
 * folder ({@code uploads/3f2a.../report.pdf}), or, for a file of an extra source folder, {@code //name/relative}
 * ({@code //notes/projects/plan.md}). A path relative to the ingest folder never starts with a slash, so the two
 * forms cannot be confused, and an extra source's path can never be resolved inside the ingest folder by mistake.
 *
 * @param source the source's name; {@value #INGEST} for the ingest folder
 * @param path   the file's path relative to its source folder, with '/' separators
 */
public record SourcePath(String source, String path) {

    /** The name of the ingest folder as a source; no extra source may take it. */
    public static final String INGEST = "ingest";
    private static final String PREFIX = "//";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public SourcePath {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(path, "path");
        if (!NAME.matcher(source).matches()) {
            throw new IllegalArgumentException("Not a source name (lower-case letters, digits, '-', '_'): " + source);
        }
        if (path.isEmpty() || path.startsWith("/") || path.contains("//") || path.endsWith("/")) {
            throw new IllegalArgumentException("Not a relative file path: " + path);
        }
    }

    /** True for a name an extra source may have. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches() && !INGEST.equals(name);
    }

    public static SourcePath of(String recorded) {
        if (!recorded.startsWith(PREFIX)) {
            return new SourcePath(INGEST, recorded);
        }
        int slash = recorded.indexOf('/', PREFIX.length());
        if (slash < 0) {
            throw new IllegalArgumentException("Not a source path: " + recorded);
        }
        return new SourcePath(recorded.substring(PREFIX.length(), slash), recorded.substring(slash + 1));
    }

    public boolean inIngestFolder() {
        return INGEST.equals(source);
    }

    /** The form kept in the index. */
    public String recorded() {
        return inIngestFolder() ? path : PREFIX + source + "/" + path;
    }

    @Override
    public String toString() {
        return recorded();
    }
}
