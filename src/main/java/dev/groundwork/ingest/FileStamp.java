package dev.groundwork.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A regular file as the file system describes it at one moment, without reading it: size, modification time and
 * the file system's key (device and inode where there are such). A file whose stamp is unchanged is taken to hold
 * the same bytes; a changed stamp means it may have changed. Symbolic links are never followed.
 */
public record FileStamp(long sizeBytes, FileTime modified, Object fileKey) {

    public FileStamp {
        Objects.requireNonNull(modified, "modified");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("negative size " + sizeBytes);
        }
    }

    public static FileStamp of(BasicFileAttributes attributes) {
        return new FileStamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
    }

    /** The stamp of a regular file; empty when there is none (gone, a folder, a symbolic link). */
    public static Optional<FileStamp> of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() ? Optional.of(of(attributes)) : Optional.empty();
        } catch (IOException e) {
            // gone, or no longer readable: either way not the file that was seen
            return Optional.empty();
        }
    }
}
