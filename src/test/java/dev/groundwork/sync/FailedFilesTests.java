package dev.groundwork.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.FileStamp;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

class FailedFilesTests {

    private static final FileStamp BAD = new FileStamp(10, FileTime.fromMillis(1_000), "inode-1");
    private static final FileStamp FIXED = new FileStamp(12, FileTime.fromMillis(2_000), "inode-1");

    private final FailedFiles failures = new FailedFiles(12);

    @Test
    void aFailedFileIsTriedOnTheNextRunThenLessOften() {
        failures.failed("scan.pdf", BAD, "NO_TEXT", "no text", 1);
        assertThat(failures.deferring("scan.pdf", BAD, 2, false)).isEmpty();

        failures.failed("scan.pdf", BAD, "NO_TEXT", "no text", 2);
        assertThat(failures.deferring("scan.pdf", BAD, 3, false)).get()
                .satisfies(failure -> assertThat(failure.attempts()).isEqualTo(2));
        assertThat(failures.deferring("scan.pdf", BAD, 4, false)).isEmpty();

        failures.failed("scan.pdf", BAD, "NO_TEXT", "no text", 4);
        assertThat(failures.deferring("scan.pdf", BAD, 7, false)).isPresent();
        assertThat(failures.deferring("scan.pdf", BAD, 8, false)).isEmpty();
    }

    @Test
    void aFileIsTriedOncePerRunEvenWhenTheRunIsManual() {
        failures.failed("scan.pdf", BAD, "NO_TEXT", "no text", 5);

        assertThat(failures.deferring("scan.pdf", BAD, 5, true)).isPresent();
    }

    @Test
    void aManualRunOrAChangedFileTriesAtOnce() {
        failures.failed("scan.pdf", BAD, "NO_TEXT", "no text", 1);
        failures.failed("scan.pdf", BAD, "NO_TEXT", "no text", 2);

        assertThat(failures.deferring("scan.pdf", BAD, 3, true)).isEmpty();
        assertThat(failures.deferring("scan.pdf", FIXED, 3, false)).isEmpty();
    }

    @Test
    void aFailureOfTheServiceRatherThanTheFileIsTriedOnEveryRun() {
        failures.failed("report.pdf", BAD, "INDEXING_FAILED", "encoder down", 1);
        failures.failed("report.pdf", BAD, "INDEXING_FAILED", "encoder down", 2);

        assertThat(failures.deferring("report.pdf", BAD, 3, false)).isEmpty();
        assertThat(failures.deferring("report.pdf", BAD, 2, false)).isPresent();
    }

    @Test
    void theGapBetweenAttemptsIsCapped() {
        assertThat(failures.gap(1)).isEqualTo(1);
        assertThat(failures.gap(3)).isEqualTo(4);
        assertThat(failures.gap(40)).isEqualTo(12);
    }
}
