package dev.groundwork.sync;

import dev.groundwork.ingest.FileStamp;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files that failed, so each is tried again on a later run but not over and over. A failure is tried again on the
 * next run; if the same bytes fail again for a reason of their own (rejected, unreadable), after 2, then 4, 8...
 * runs, at most {@code maxRuns} apart. A failure of the service rather than the file (the encoder or the index) is
 * tried on every run. A changed file, or a manual run, tries at once; within one run a file is tried once.
 */
final class FailedFiles {

    /** Failure codes that say nothing about the file itself. */
    static final Set<String> SERVICE_FAILURES = Set.of("INDEXING_FAILED", "INDEX_UNAVAILABLE");

    /** The last failure of a file. */
    record Failure(String code, String detail, FileStamp stamp, int attempts, long run) {

        boolean backsOff() {
            return !SERVICE_FAILURES.contains(code);
        }
    }

    private final int maxRuns;
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    FailedFiles(int maxRuns) {
        this.maxRuns = maxRuns;
    }

    /** The failure that makes this run skip the file, if it should be skipped. */
    Optional<Failure> deferring(String path, FileStamp stamp, long run, boolean manual) {
        Failure failure = failures.get(path);
        if (failure == null || !failure.stamp().equals(stamp)) {
            return Optional.empty();
        }
        boolean triedThisRun = failure.run() == run;
        boolean backingOff = failure.backsOff() && run - failure.run() < gap(failure.attempts());
        return triedThisRun || (!manual && backingOff) ? Optional.of(failure) : Optional.empty();
    }

    Failure failed(String path, FileStamp stamp, String code, String detail, long run) {
        return failures.compute(path, (key, previous) -> {
            boolean sameBytes = previous != null && previous.stamp().equals(stamp);
            if (sameBytes && previous.run() == run) {
                return previous;
            }
            return new Failure(code, detail, stamp, sameBytes ? previous.attempts() + 1 : 1, run);
        });
    }

    void succeeded(String path) {
        failures.remove(path);
    }

    /** Forgets failures of files no longer there. */
    void retainOnly(Set<String> paths) {
        failures.keySet().retainAll(paths);
    }

    /** Runs until the file is tried again after its {@code attempts}-th failure. */
    long gap(int attempts) {
        return Math.min(1L << Math.min(attempts - 1, 30), maxRuns);
    }
}
