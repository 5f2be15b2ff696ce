package dev.groundwork.ingest;

import dev.groundwork.index.StorageFullException;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The ingest folder: the source of truth for every document. Uploads are first staged in a hidden folder
 * inside it (same file system, so the final move is atomic), then kept under {@code uploads/<id>/<safe name>},
 * flushed to disk before anyone is told they are stored. Files and folders whose names start with a dot are
 * never documents.
 */
@Component
public class IngestFolder {

    private static final Logger log = LoggerFactory.getLogger(IngestFolder.class);
    static final String UPLOADS = "uploads";
    private static final String STAGING = ".staging";

    private final Path root;
    private final Path staging;

    IngestFolder(IngestSettings settings) {
        this.root = settings.dir().toAbsolutePath().normalize();
        this.staging = root.resolve(STAGING);
        try {
            Files.createDirectories(root.resolve(UPLOADS));
            Files.createDirectories(staging);
            clearStaging();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the ingest folder " + root, e);
        }
    }

    public Path root() {
        return root;
    }

    /** A staged upload: where it is and what it holds. */
    record Staged(Path path, FileFacts facts) {
    }

    /** Copies an upload into the staging folder, refusing it once it passes {@code maxBytes}. */
    Staged stage(InputStream content, long maxBytes) {
        Path target = staging.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = FileFacts.sha256Digest();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW), digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                size += read;
                if (size > maxBytes) {
                    throw new RejectedDocumentException(Reason.TOO_LARGE,
                            "The file is larger than the limit of " + maxBytes + " bytes.");
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            discard(target);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw writeFailed("store the upload", (IOException) e);
        }
        return new Staged(target, new FileFacts(size, HexFormat.of().formatHex(digest.digest())));
    }

    /**
     * Moves a staged upload to its place for good and flushes it and its folder to disk.
     *
     * @return the path relative to the ingest folder
     */
    String keep(Path staged, String documentId, String safeName) {
        Path folder = root.resolve(UPLOADS).resolve(documentId);
        Path target = folder.resolve(safeName);
        try {
            fsync(staged);
            Files.createDirectories(folder);
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            fsyncDirectory(folder);
            fsyncDirectory(folder.getParent());
        } catch (IOException e) {
            throw writeFailed("keep the upload in " + relative(folder), e);
        }
        return relative(target);
    }

    /** A full disk is the client's to know about (507); any other I/O failure is ours. */
    private RuntimeException writeFailed(String what, IOException e) {
        if (StorageFullException.isCause(e, root)) {
            return new StorageFullException("The disk holding the ingest folder is full: could not " + what
                    + ". Searches still work; free some space and try again.", e);
        }
        return new UncheckedIOException("Cannot " + what, e);
    }

    /** Deletes a document's file, and the upload folder it leaves empty. */
    void remove(String relativePath) {
        Path file = resolve(relativePath);
        try {
            Files.deleteIfExists(file);
            Path parent = file.getParent();
            if (parent.getParent().equals(root.resolve(UPLOADS)) && isEmptyDirectory(parent)) {
                Files.deleteIfExists(parent);
            }
            fsyncDirectory(parent.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + relativePath + " from the ingest folder", e);
        }
    }

    void discard(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            log.warn("Cannot delete the staged file {}: {}", staged, e.getMessage());
        }
    }

    /** Resolves a path relative to the ingest folder, refusing anything that would lead out of it. */
    public Path resolve(String relativePath) {
        Path resolved = root.resolve(relativePath).normalize();
        if (!resolved.startsWith(root) || resolved.equals(root)) {
            throw new IllegalArgumentException("Not a path inside the ingest folder: " + relativePath);
        }
        return resolved;
    }

    /** The path relative to the ingest folder, with '/' separators on every system. */
    public String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** Every document file, in path order: regular files, hidden names and symbolic links left out. */
    public List<Path> documentFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !isHidden(file) && !Files.isSymbolicLink(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    log.warn("Cannot read {}: {}", file, e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the ingest folder " + root, e);
        }
        files.sort(null);
        return files;
    }

    public boolean exists(String relativePath) {
        return Files.isRegularFile(resolve(relativePath), LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private void clearStaging() throws IOException {
        try (var leftovers = Files.list(staging)) {
            for (Path leftover : leftovers.toList()) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Makes a rename or delete in a folder durable (a no-op where folders cannot be opened, as on Windows). */
    private static void fsyncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log.debug("Cannot flush folder {}: {}", dir, e.getMessage());
        }
    }
}
