package dev.groundwork.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.FileFacts;
import dev.groundwork.ingest.FileStamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHashesTests {

    @TempDir
    Path dir;

    private final Instant now = Instant.parse("2026-06-01T12:00:00Z");

    private Path file(String text, Instant modified) throws IOException {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private static FileStamp stamp(Path file) {
        return FileStamp.of(file).orElseThrow();
    }

    @Test
    void anUnchangedStampIsNotReadAgain() throws IOException {
        FileHashes hashes = new FileHashes(Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
        Path file = file("same bytes", now.minusSeconds(3600));

        FileFacts first = hashes.factsOf(file, stamp(file));
        FileFacts second = hashes.factsOf(file, stamp(file));

        assertThat(second).isEqualTo(first);
        assertThat(hashes.reads()).isEqualTo(1);
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        FileHashes hashes = new FileHashes(Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
        Path file = file("first version", now.minusSeconds(3600));
        FileFacts first = hashes.factsOf(file, stamp(file));

        file("second version", now.minusSeconds(1800));
        FileFacts second = hashes.factsOf(file, stamp(file));

        assertThat(second.sha256()).isNotEqualTo(first.sha256());
        assertThat(hashes.reads()).isEqualTo(2);
    }

    @Test
    void aFileWrittenJustBeforeItWasReadIsReadAgainNextTime() throws IOException {
        // a write in the same clock tick as the read would not change the stamp: such a stamp proves nothing
        FileHashes hashes = new FileHashes(Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
        Path file = file("racy", now.minusMillis(500));

        hashes.factsOf(file, stamp(file));
        hashes.factsOf(file, stamp(file));

        assertThat(hashes.reads()).isEqualTo(2);
    }

    @Test
    void aRememberedHashExpires() throws IOException {
        MutableClock clock = new MutableClock(now);
        FileHashes hashes = new FileHashes(Duration.ofHours(1), clock);
        Path file = file("old", now.minusSeconds(7200));
        hashes.factsOf(file, stamp(file));

        clock.now = now.plus(Duration.ofMinutes(61));
        hashes.factsOf(file, stamp(file));

        assertThat(hashes.reads()).isEqualTo(2);
    }

    @Test
    void zeroRehashAfterReadsEveryTime() throws IOException {
        FileHashes hashes = new FileHashes(Duration.ZERO, Clock.fixed(now, ZoneOffset.UTC));
        Path file = file("paranoid", now.minusSeconds(3600));

        hashes.factsOf(file, stamp(file));
        hashes.factsOf(file, stamp(file));

        assertThat(hashes.reads()).isEqualTo(2);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
