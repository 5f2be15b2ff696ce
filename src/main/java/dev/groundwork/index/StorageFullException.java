package dev.groundwork.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A write failed because the disk is full (of the index or of the ingest folder). Nothing committed is lost;
 * reads go on, and writes work again once space is freed.
 */
public class StorageFullException extends RuntimeException {

    /** Below this much free space, a failed write is taken as a full disk whatever the error said. */
    private static final long NEARLY_FULL_BYTES = 16L << 20;

    public StorageFullException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether {@code failure} comes from a full disk: the error says so (ENOSPC, a quota), or the file system
     * holding {@code where} has almost no space left. The message check alone would miss errors worded in
     * another language, the space check alone a quota.
     */
    public static boolean isCause(Throwable failure, Path where) {
        boolean io = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            io |= cause instanceof IOException;
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("no space left") || message.contains("disk quota exceeded")
                    || message.contains("not enough space on the disk")) {
                return true;
            }
        }
        return io && nearlyFull(where);
    }

    private static boolean nearlyFull(Path where) {
        try {
            Path existing = where;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.getFileStore(existing).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
