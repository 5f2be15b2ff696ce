package dev.groundwork.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Size and SHA-256 of a file. The document id is taken from the hash, so the same bytes are always the same
 * document, whatever their name or folder.
 */
public record FileFacts(long sizeBytes, String sha256) {

    /** Hex digits of the hash that make the document id: 64 bits, ample for one person's documents. */
    private static final int ID_LENGTH = 16;

    public FileFacts {
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length() != 64) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
    }

    public String documentId() {
        return sha256.substring(0, ID_LENGTH);
    }

    public static FileFacts of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = sha256Digest();
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
                size += read;
            }
            return new FileFacts(size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
