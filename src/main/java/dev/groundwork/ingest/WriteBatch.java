package dev.groundwork.ingest;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestionService.Change;
import dev.groundwork.ingest.IngestionService.IngestOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes of source files committed together: a commit per file cost much of the time of small files. The batch owns
 * the commit: it commits once the oldest write has waited {@code commitAfter}, and when it is committed or closed; only
 * then does it tell its listener that the writes are done. A crash before that loses them from the index but not from
 * the folders, whose next pass indexes them again. A failed commit (or a failed write, which discards everything not
 * yet committed) loses them all, and the listener hears so. Used on one thread, like the index it writes.
 *
 * @param <F> what the caller knows each write by
 */
public final class WriteBatch<F> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WriteBatch.class);

    /** Hears how each write ends. */
    public interface Listener<F> {

        /** The write is committed, or there was nothing to write. */
        void done(F file, IngestOutcome outcome);

        /** The write was made but not committed: it is not in the index. */
        void lost(F file, RuntimeException cause);
    }

    private record Pending<F>(F file, IngestOutcome outcome) {
    }

    private final IngestionService ingestion;
    private final Duration commitAfter;
    private final Listener<F> listener;
    private final List<Pending<F>> pending = new ArrayList<>();
    private long firstPendingAt;

    WriteBatch(IngestionService ingestion, Duration commitAfter, Listener<F> listener) {
        this.ingestion = ingestion;
        this.commitAfter = commitAfter;
        this.listener = listener;
    }

    /**
     * Writes a source file as {@link IngestionService#ingestFile} does, without committing it: its listener hears of
     * it at the commit, or at once when nothing was written. Commits first when the batch is due. A write that touches
     * a container commits itself: the batch commits what it holds before it, and hears of it at once.
     *
     * @param ahead the file's document made ahead by {@link IngestionService#prepare}, or null
     */
    public IngestOutcome write(F file, SourceFile source, DocumentRecord previous, Prepared ahead) {
        try {
            boolean commitsItself = ingestion.touchesContainers(source, previous, ahead);
            if (commitsItself) {
                commit();
            }
            IngestOutcome outcome = ingestion.write(source, previous, ahead);
            if (commitsItself || outcome.change() == Change.KNOWN || outcome.change() == Change.STALE) {
                listener.done(file, outcome); // committed, or nothing was written
            } else {
                if (pending.isEmpty()) {
                    firstPendingAt = System.nanoTime();
                }
                pending.add(new Pending<>(file, outcome));
            }
            return outcome;
        } finally {
            if (!pending.isEmpty() && System.nanoTime() - firstPendingAt >= commitAfter.toNanos()) {
                commit();
            }
        }
    }

    /** Commits what was written, and tells the listener how each write ended. */
    public void commit() {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending<F>> committing = List.copyOf(pending);
        pending.clear();
        try {
            ingestion.commit();
        } catch (RuntimeException e) {
            log.warn("Committing {} indexed file(s) failed ({}); they are indexed again on the next run",
                    committing.size(), e.getMessage());
            committing.forEach(lost -> listener.lost(lost.file(), e));
            return;
        }
        committing.forEach(done -> listener.done(done.file(), done.outcome()));
    }

    @Override
    public void close() {
        commit();
    }
}
