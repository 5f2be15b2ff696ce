package dev.groundwork.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One sync run, while it runs or once it is over.
 *
 * @param run        the run's number since the service started, from 1
 * @param seen       document files found in the source folders
 * @param added      files indexed as new documents, or new copies of known ones (not embedded again)
 * @param updated    files whose bytes changed, parsed and embedded again, replacing the old version in one step
 * @param moved      files that moved or were renamed: the same bytes under a new path, not embedded again
 * @param removed    paths whose file is gone (a document goes with its last path)
 * @param unchanged  files whose bytes and pipeline are as indexed: neither parsed nor embedded
 * @param failed     each file that is failing: attempted and failed in this run, or waiting for its next attempt
 * @param progress   how far the run is (while it runs; the final counts once it is over)
 * @param etaSeconds estimated seconds left, while indexing and once there is a rate to go by; else null
 * @param error      why the run stopped, when it failed as a whole; else null
 */
public record SyncReport(long run, SyncTrigger trigger, Mode mode, Phase phase, Instant startedAt, Instant finishedAt,
                         long durationMs, int seen, int added, int updated, int moved, int removed, int unchanged,
                         int failedCount, List<FailedFile> failed, Progress progress, Long etaSeconds, String error) {

    public SyncReport {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(startedAt, "startedAt");
        failed = List.copyOf(failed);
    }

    /** What a run does. */
    public enum Mode {
        /** Brings the serving index in line with the folders, file by file. */
        INCREMENTAL,
        /** Builds a new index with the configured pipeline beside the serving one, then switches to it. */
        REBUILD
    }

    /** Where a run is. */
    public enum Phase {
        STARTING, LISTING, INDEXING, REMOVING, CATCHING_UP, SWITCHING, COMPLETED, FAILED;

        public boolean over() {
            return this == COMPLETED || this == FAILED;
        }
    }

    /**
     * A file that could not be indexed. It is tried again on a later run (see {@code attempts} and {@code deferred}).
     *
     * @param file     the path as recorded in the index ({@code //source/...} for an extra source)
     * @param code     stable reason code: a document rejection (UNSUPPORTED_TYPE, NO_TEXT, TOO_LARGE, MALFORMED,
     *                 ENCRYPTED, ...), UNREADABLE, INDEX_UNAVAILABLE or INDEXING_FAILED
     * @param attempts consecutive failures of these same bytes
     * @param deferred true when this run did not try it again (backing off after repeated failures)
     */
    public record FailedFile(String file, String code, String detail, int attempts, boolean deferred) {
    }

    /** Files and bytes gone through, of those listed. */
    public record Progress(int filesDone, int filesTotal, long bytesDone, long bytesTotal, double percent) {
    }
}
