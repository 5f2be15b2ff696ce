package dev.groundwork.sync;

import dev.groundwork.ingest.FileFacts;
import dev.groundwork.ingest.FileStamp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers the SHA-256 of files by their stamp (size, modification time, inode), so an unchanged file is not read
 * again on every run. Kept in memory: after a restart every file is read once.
 *
 * <p>A stamp only stands for the bytes when the file was not written around the moment it was read: like Git's
 * "racily clean" rule, a file modified less than {@link #RACY} before it was hashed is hashed again next time,
 * because a write in the same clock tick would leave its stamp unchanged. And a remembered hash expires after
 * {@code rehashAfter}, so even a change that keeps size and time (a tool that restores the time) is seen within it.
 */
final class FileHashes {

    static final Duration RACY = Duration.ofSeconds(2);

    private record Known(FileStamp stamp, FileFacts facts, Instant hashedAt) {
    }

    private final Duration rehashAfter;
    private final Clock clock;
    private final Map<Path, Known> known = new ConcurrentHashMap<>();
    private final AtomicLong reads = new AtomicLong();

    FileHashes(Duration rehashAfter, Clock clock) {
        this.rehashAfter = rehashAfter;
        this.clock = clock;
    }

    /** The identity of the file's bytes as they were when it had {@code stamp}. */
    FileFacts factsOf(Path file, FileStamp stamp) {
        Instant now = clock.instant();
        Known remembered = known.get(file);
        if (remembered != null && remembered.stamp().equals(stamp)
                && remembered.hashedAt().plus(rehashAfter).isAfter(now)) {
            return remembered.facts();
        }
        reads.incrementAndGet();
        FileFacts facts = FileFacts.of(file);
        boolean settled = stamp.modified().toInstant().isBefore(now.minus(RACY));
        if (settled && FileStamp.of(file).equals(Optional.of(stamp)) && !rehashAfter.isZero()) {
            known.put(file, new Known(stamp, facts, now));
        } else {
            known.remove(file);
        }
        return facts;
    }

    /** Drops what is remembered of files no longer seen. */
    void retainOnly(Set<Path> files) {
        known.keySet().retainAll(files);
    }

    /** How many files were read to be hashed so far. */
    long reads() {
        return reads.get();
    }
}
