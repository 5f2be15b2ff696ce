package dev.groundwork.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The file API keys are kept in, shared by the service and the {@code keys} command: read again whenever it
 * changed (so a key revoked from the command line stops working at once), written whole to a temporary file and
 * moved into place, under a lock that makes writers take turns, readable by its owner only.
 */
final class ApiKeyFile {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The file's layout. Roles are spelled as in settings: {@code reader}, {@code editor}, {@code admin}. */
    record Stored(List<StoredKey> keys) {
        Stored {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }

    record StoredKey(String prefix, String name, String role, String sha256, Instant createdAt, Instant expiresAt,
                     Instant revokedAt) {

        static StoredKey of(ApiKey key) {
            return new StoredKey(key.prefix(), key.name(), key.role().label(), key.sha256(), key.createdAt(),
                    key.expiresAt(), key.revokedAt());
        }

        ApiKey toKey() {
            Role parsed = Role.ofLabel(String.valueOf(role))
                    .orElseThrow(() -> new IllegalArgumentException("unknown role '" + role + "' of key " + prefix));
            return new ApiKey(prefix, name, parsed, sha256, createdAt, expiresAt, revokedAt);
        }
    }

    /** What the file held when it was last read, and how to tell that it changed since. */
    private record Snapshot(Object fileKey, long size, long modifiedNanos, List<ApiKey> keys) {
    }

    private static final Snapshot MISSING = new Snapshot(null, -1, -1, List.of());

    private final Path file;
    private final Path lockFile;
    private volatile Snapshot snapshot;

    ApiKeyFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
    }

    Path path() {
        return file;
    }

    /** The keys as the file holds them now; an unreadable file is an error, never "no keys". */
    List<ApiKey> keys() {
        Snapshot current = snapshot;
        Snapshot fresh = stat();
        if (current != null && Objects.equals(current.fileKey(), fresh.fileKey()) && current.size() == fresh.size()
                && current.modifiedNanos() == fresh.modifiedNanos()) {
            return current.keys();
        }
        Snapshot read = fresh == MISSING ? MISSING : read(fresh);
        snapshot = read;
        return read.keys();
    }

    /** Changes the keys under the lock, so that the service and the command never overwrite each other's change. */
    synchronized List<ApiKey> update(UnaryOperator<List<ApiKey>> change) {
        try {
            createParent();
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                snapshot = null;
                List<ApiKey> changed = List.copyOf(change.apply(keys()));
                write(changed);
                return changed;
            }
        } catch (IOException e) {
            throw new ApiKeyStoreException("Cannot write the API key file " + file + ": " + e.getMessage(), e);
        }
    }

    private Snapshot stat() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Snapshot(attributes.fileKey(), attributes.size(),
                    attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), List.of());
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            throw new ApiKeyStoreException("Cannot read the API key file " + file + ": " + e.getMessage(), e);
        }
    }

    private Snapshot read(Snapshot stat) {
        try {
            Stored stored = JSON.readValue(Files.readAllBytes(file), Stored.class);
            return new Snapshot(stat.fileKey(), stat.size(), stat.modifiedNanos(),
                    stored.keys().stream().map(StoredKey::toKey).toList());
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException | JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new ApiKeyStoreException("Cannot read the API key file " + file + " (groundwork.security.keys-file): "
                    + e.getMessage(), e);
        }
    }

    private void write(List<ApiKey> keys) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        byte[] bytes = JSON.writeValueAsBytes(new Stored(keys.stream().map(StoredKey::of).toList()));
        Files.deleteIfExists(temporary);
        createOwnerOnly(temporary);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void createParent() throws IOException {
        Path parent = file.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(parent);
            }
        }
    }

    private static void createOwnerOnly(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException(e);
        }
    }
}
