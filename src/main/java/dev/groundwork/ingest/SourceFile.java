package dev.groundwork.ingest;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A file of a source folder as a sync pass saw it: where it is recorded in the index, where it is on disk, its
 * stamp when it was looked at, and the identity of its bytes.
 */
public record SourceFile(String recordedPath, Path file, FileStamp stamp, FileFacts facts) {

    public SourceFile {
        Objects.requireNonNull(recordedPath, "recordedPath");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(stamp, "stamp");
        Objects.requireNonNull(facts, "facts");
        SourcePath.of(recordedPath);
    }

    /** True while the file is still the one that was hashed: not deleted, replaced or written since. */
    public boolean unchanged() {
        return FileStamp.of(file).equals(Optional.of(stamp));
    }
}
