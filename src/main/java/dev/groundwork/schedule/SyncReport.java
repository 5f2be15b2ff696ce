package dev.groundwork.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What one pass over the ingest folder found and did. */
public record SyncReport(Instant startedAt, Duration took, int seen, int added, int updated, int moved,
                         int removed, int unchanged, List<FailedFile> failed) {

    public SyncReport {
        failed = List.copyOf(failed);
    }

    /** A file that could not be indexed, with the reason code; it is tried again on the next pass. */
    public record FailedFile(String path, String code, String detail) {
    }
}
