package dev.groundwork.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one folder a confined worker can read: each file it is to parse is put there under a fixed name (a hard link
 * where the file system allows, else a copy) and taken away once the reply is in.
 */
final class WorkerInbox implements AutoCloseable {

    private final Path dir;
    private final Path input;

    private WorkerInbox(Path dir) {
        this.dir = dir;
        this.input = dir.resolve("input");
    }

    static WorkerInbox create() {
        try {
            return new WorkerInbox(Files.createTempDirectory("groundwork-parse-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
        } catch (IOException e) {
            throw new ParserUnavailableException("Cannot make the folder a parse worker reads from", e);
        }
    }

    Path dir() {
        return dir;
    }

    /** Puts a file in the inbox; returns where the worker finds it. */
    Path place(Path file) {
        try {
            Files.deleteIfExists(input);
            try {
                Files.createLink(input, file);
            } catch (FileSystemException | UnsupportedOperationException e) {
                // another file system, or links to others' files refused (fs.protected_hardlinks)
                Files.copy(file, input);
            }
            return input;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot hand " + file.getFileName() + " to a parse worker", e);
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(input);
        } catch (IOException e) {
            // the next place() replaces it, close() removes it
        }
    }

    @Override
    public void close() {
        clear();
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a folder left in the temporary directory, empty
        }
    }
}
