package dev.groundwork.sync;

import dev.groundwork.sync.SyncReport.Mode;
import dev.groundwork.sync.SyncReport.Phase;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One run of the sync while it goes on: its number, trigger, mode, phase and counts, readable at any moment as a
 * {@link SyncReport}.
 */
final class SyncRun {

    private final long number;
    private final SyncTrigger trigger;
    private final Instant startedAt = Instant.now();
    private final long startedNanos = System.nanoTime();
    private final PassCounts counts = new PassCounts();
    private final CompletableFuture<SyncReport> done = new CompletableFuture<>();
    private volatile Mode mode = Mode.INCREMENTAL;
    private volatile Phase phase = Phase.STARTING;
    private volatile String error;
    private volatile Instant finishedAt;
    private volatile long durationMs;

    SyncRun(long number, SyncTrigger trigger) {
        this.number = number;
        this.trigger = trigger;
    }

    long number() {
        return number;
    }

    SyncTrigger trigger() {
        return trigger;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    Mode mode() {
        return mode;
    }

    Phase phase() {
        return phase;
    }

    String error() {
        return error;
    }

    PassCounts counts() {
        return counts;
    }

    /** Manual runs try files that are backing off after failures. */
    boolean manual() {
        return trigger == SyncTrigger.MANUAL;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    void phase(Phase phase) {
        this.phase = phase;
    }

    SyncReport finish(String failure) {
        this.error = failure;
        this.durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
        this.finishedAt = Instant.now();
        this.phase = failure == null ? Phase.COMPLETED : Phase.FAILED;
        return counts.report(this, durationMs, false);
    }

    SyncReport snapshot() {
        boolean running = !phase.over();
        return counts.report(this, running ? (System.nanoTime() - startedNanos) / 1_000_000 : durationMs, running);
    }

    /** Completed by the job once the run is over and no longer the current one. */
    CompletableFuture<SyncReport> done() {
        return done;
    }
}
