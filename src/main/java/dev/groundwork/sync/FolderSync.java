package dev.groundwork.sync;

import dev.groundwork.index.IndexGenerations;
import dev.groundwork.index.Leadership;
import dev.groundwork.index.ServingGeneration;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.sync.SyncStatus.State;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the index in line with the source folders: a run at start-up ({@link SyncStartup}), on the cron and on demand,
 * one at a time, in the background. A run is incremental, or a rebuild when the configured pipeline differs from the
 * one the index was built with. Its progress and outcome are in {@link #status()}.
 *
 * <p>Several nodes may share one index (on SolrCloud) and one ingest folder: only the node that leads
 * ({@link Leadership}) runs syncs, and it shares its status every second, so that every node's {@link #status()} tells
 * who leads and how its run goes.
 */
@Component
public class FolderSync {

    private static final Logger log = LoggerFactory.getLogger(FolderSync.class);

    private final IngestionService ingestion;
    private final IndexGenerations generations;
    private final PipelineCheck check;
    private final SyncSettings settings;
    private final SyncPasses passes;
    private final IndexRebuild rebuild;
    private final ThreadPoolTaskExecutor runs;
    private final Leadership leadership;
    private final JsonMapper json = JsonMapper.builder().build();
    private long started;
    private SyncRun current;
    private SyncReport last;
    /** Rebuilds that failed in a row, and schedule ticks since the last one: a failing rebuild backs off. */
    private int failedRebuilds;
    private long ticksSinceFailedRebuild;

    FolderSync(IngestionService ingestion, IndexGenerations generations, PipelineCheck check, SyncSettings settings,
               SyncPasses passes, IndexRebuild rebuild, @Qualifier(SyncConfiguration.RUNS) ThreadPoolTaskExecutor runs,
               Leadership leadership) {
        this.ingestion = ingestion;
        this.generations = generations;
        this.check = check;
        this.settings = settings;
        this.passes = passes;
        this.rebuild = rebuild;
        this.runs = runs;
        this.leadership = leadership;
    }

    /** This node's status when it leads; else the leader's, as it last shared it. */
    public SyncStatus status() {
        Optional<String> leader = leadership.leader();
        if (!leadership.leads()) {
            Optional<SyncStatus> shared = leadership.shared().flatMap(this::read)
                    .filter(status -> leader.isPresent() && leader.get().equals(status.node()));
            if (shared.isPresent()) {
                return shared.get().toldBy(leadership.node());
            }
        }
        ServingGeneration serving = generations.serving();
        synchronized (this) {
            boolean ours = leadership.leads();
            return new SyncStatus(current == null ? State.IDLE : State.RUNNING,
                    current == null ? null : current.snapshot(), ours ? last : null, serving.name(),
                    check.rebuildNeeded(), serving.vectorsComparable(), leadership.node(), leader.orElse(null));
        }
    }

    /** The leader tells the other nodes how its runs go. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void shareStatus() {
        if (leadership.leads()) {
            try {
                leadership.share(json.writeValueAsString(status()));
            } catch (RuntimeException e) {
                log.debug("Cannot share the sync's status: {}", e.getMessage());
            }
        }
    }

    private Optional<SyncStatus> read(String shared) {
        try {
            return Optional.of(json.readValue(shared, SyncStatus.class));
        } catch (JacksonException e) {
            log.debug("Cannot read the leader's sync status: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Starts a run in the background.
     *
     * @return the status with the run just started
     * @throws SyncRunningException when a run is going on
     * @throws NotSyncLeaderException when another node runs the syncs
     */
    public SyncStatus trigger(SyncTrigger trigger) {
        start(trigger);
        return status();
    }

    /** Runs once, waiting for a run in progress to finish first, and returns when it is over. */
    public SyncReport runNow(SyncTrigger trigger) {
        while (true) {
            SyncRun running;
            synchronized (this) {
                running = current;
            }
            if (running != null) {
                running.done().join();
                continue;
            }
            try {
                return start(trigger).done().join();
            } catch (SyncRunningException e) {
                // another caller started one in between: wait for that one, then go again
            }
        }
    }

    /**
     * The cron's tick ({@code groundwork.sync.cron}; {@code -} turns it off): a run still going on is let be. While
     * rebuilds keep failing, the schedule tries one on the next tick, then after 2, 4, 8... ticks (at most
     * {@code retry-max-runs} apart), since each attempt embeds every document again; a manual trigger always tries.
     */
    @Scheduled(cron = "#{@syncSettings.cron()}")
    void onSchedule() {
        synchronized (this) {
            if (check.rebuildNeeded() && failedRebuilds > 0) {
                ticksSinceFailedRebuild++;
                long gap = Math.min(1L << Math.min(failedRebuilds - 1, 30), settings.retryMaxRuns());
                if (ticksSinceFailedRebuild < gap) {
                    log.info("Scheduled sync skipped: the index rebuild failed {} time(s) in a row; next attempt in {} "
                            + "scheduled run(s)", failedRebuilds, gap - ticksSinceFailedRebuild);
                    return;
                }
            }
        }
        if (!leadership.leads()) {
            log.debug("Scheduled sync left to the leading node {}", leadership.leader().orElse("(none elected)"));
            return;
        }
        try {
            trigger(SyncTrigger.SCHEDULE);
        } catch (SyncRunningException e) {
            log.info("Scheduled sync skipped: run {} is still going", e.status().current().run());
        } catch (NotSyncLeaderException e) {
            log.debug("Scheduled sync skipped: {}", e.getMessage());
        }
    }

    private synchronized SyncRun start(SyncTrigger trigger) {
        if (!leadership.leads()) {
            throw new NotSyncLeaderException(leadership.node(), leadership.leader().orElse(null));
        }
        if (current != null) {
            throw new SyncRunningException(status());
        }
        SyncRun run = new SyncRun(++started, trigger);
        try {
            runs.execute(() -> execute(run));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("The service is shutting down; no sync is started", e);
        }
        current = run;
        return run;
    }

    private void execute(SyncRun run) {
        String failure = "stopped by an unexpected error";
        boolean rebuilding = check.rebuildNeeded();
        try {
            if (rebuilding) {
                rebuild.run(run);
            } else {
                passes.pass(ingestion, check.configured(), run, run.counts(), true);
            }
            failure = null;
        } catch (RuntimeException e) {
            // the status is read by clients: a reason worded for them, else words that give nothing of the inside away
            failure = e instanceof SyncFailedException || e instanceof CancellationException && e.getMessage() != null
                    ? e.getMessage() : "The run stopped on an unexpected error; it is in the service's log.";
            log.error("Sync run {} failed: {}", run.number(), e.getMessage(), e);
        } finally {
            SyncReport report = run.finish(failure);
            synchronized (this) {
                last = report;
                current = null;
                if (rebuilding) {
                    failedRebuilds = failure == null ? 0 : failedRebuilds + 1;
                    ticksSinceFailedRebuild = 0;
                }
            }
            run.done().complete(report);
            log.info("Sync run {} ({}, {}) {} in {} ms: {} files seen, {} added, {} updated, {} moved, {} removed, "
                            + "{} unchanged, {} failed", report.run(), report.trigger(), report.mode(), report.phase(),
                    report.durationMs(), report.seen(), report.added(), report.updated(), report.moved(),
                    report.removed(), report.unchanged(), report.failedCount());
        }
    }

    /**
     * Lets a run finish the file it is on, then stops it, before the index closes; never interrupts it (see
     * {@link SyncPasses#stop()}).
     */
    @PreDestroy
    void stop() {
        passes.stop();
        runs.shutdown();
    }
}
