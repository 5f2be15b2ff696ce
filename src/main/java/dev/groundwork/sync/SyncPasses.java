package dev.groundwork.sync;

import dev.groundwork.ingest.IngestionService;
import java.time.Clock;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What the passes of the sync share: the source folders, the hashes and failures remembered from run to run, and the
 * threads that make the next documents while one is written. Starts a {@link SyncPass} over the folders.
 */
@Component
class SyncPasses {

    private final Sources sources;
    private final SourceScanner scanner = new SourceScanner();
    private final FileHashes hashes;
    private final FailedFiles failures;
    private final Executor makers;
    private volatile boolean stopping;

    SyncPasses(Sources sources, SyncSettings settings, @Qualifier(SyncConfiguration.MAKERS) Executor makers) {
        this.sources = sources;
        this.hashes = new FileHashes(settings.rehashAfter(), Clock.systemUTC());
        this.failures = new FailedFiles(settings.retryMaxRuns());
        this.makers = makers;
    }

    /**
     * One pass bringing {@code target} in line with the folders (see {@link SyncPass}).
     *
     * @param pipeline the configured pipeline's signature
     * @param counts   where the pass counts what it does
     * @param phases   whether the pass reports its phases on the run (the main pass of a run does)
     */
    void pass(IngestionService target, String pipeline, SyncRun run, PassCounts counts, boolean phases) {
        new SyncPass(this, target, pipeline, run, counts, phases).run();
    }

    /**
     * Stops a pass at the next file; the thread is never interrupted (an interrupt during Lucene's file I/O closes the
     * index's channels).
     */
    void stop() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    Sources sources() {
        return sources;
    }

    SourceScanner scanner() {
        return scanner;
    }

    FileHashes hashes() {
        return hashes;
    }

    FailedFiles failures() {
        return failures;
    }

    Executor makers() {
        return makers;
    }
}
