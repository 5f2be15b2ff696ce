package dev.groundwork.sync;

import dev.groundwork.ingest.FileStamp;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists a source folder's documents without following symbolic links: a link, to a file or a folder, is never a
 * document, so nothing outside the folder is read through it. A folder that cannot be read is reported, and the
 * documents under it are kept rather than taken for deleted.
 */
final class SourceScanner {

    private static final Logger log = LoggerFactory.getLogger(SourceScanner.class);

    /** A document file found in a source. */
    record ScannedFile(String recordedPath, Path file, FileStamp stamp) {
    }

    /**
     * What a listing found.
     *
     * @param unreadable folders (relative, '/' separators, "" for the root) whose content could not be listed
     * @param problem    why the whole source could not be listed, or null
     */
    record Scan(SourceFolder source, List<ScannedFile> files, List<String> unreadable, String problem) {

        boolean available() {
            return problem == null;
        }

        /** Whether a path of this source may exist unseen, in a folder that could not be read. */
        boolean mayHide(String relativePath) {
            return !available() || unreadable.stream()
                    .anyMatch(dir -> dir.isEmpty() || relativePath.startsWith(dir + "/") || relativePath.equals(dir));
        }
    }

    Scan scan(SourceFolder source) {
        Path root;
        try {
            // The configured folder itself may be a link; what is inside it is walked without following any.
            root = source.root().toRealPath();
        } catch (IOException e) {
            return unavailable(source, "cannot be opened (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (!Files.isDirectory(root)) {
            return unavailable(source, "is not a folder");
        }
        List<ScannedFile> files = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.equals(root) || !dir.getFileName().toString().startsWith(".")
                            ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        String relative = relative(root, file);
                        if (source.includes(relative)) {
                            files.add(new ScannedFile(source.recorded(relative), file, FileStamp.of(attributes)));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable.add(relative(root, file));
                    log.warn("Cannot read {} in source {}: {}", file, source.name(), e.getMessage());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    if (e != null) {
                        unreadable.add(relative(root, dir));
                        log.warn("Cannot list all of {} in source {}: {}", dir, source.name(), e.getMessage());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            return unavailable(source, "cannot be listed (" + e.getMessage() + ")");
        }
        files.sort(Comparator.comparing(ScannedFile::recordedPath));
        return new Scan(source, List.copyOf(files), List.copyOf(unreadable), null);
    }

    private static Scan unavailable(SourceFolder source, String problem) {
        log.warn("Source {} {}; its documents are kept as they are", source, problem);
        return new Scan(source, List.of(), List.of(), "Source folder " + source.root() + " " + problem);
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
