package dev.groundwork.schedule;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.IndexUnavailableException;
import dev.groundwork.ingest.FileFacts;
import dev.groundwork.ingest.FileStamp;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.ingest.DocumentPipeline.PreparedDocument;
import dev.groundwork.ingest.IngestionService.Change;
import dev.groundwork.ingest.IngestionService.IngestOutcome;
import dev.groundwork.ingest.RejectedDocumentException;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.ingest.SourceFile;
import dev.groundwork.ingest.SourcePath;
import dev.groundwork.schedule.FailedFiles.Failure;
import dev.groundwork.schedule.SourceScanner.Scan;
import dev.groundwork.schedule.SourceScanner.ScannedFile;
import dev.groundwork.schedule.SyncReport.FailedFile;
import dev.groundwork.schedule.SyncReport.Phase;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over every source folder, bringing an index in line with them: new files are indexed, changed files
 * replace their old version, moved files keep their chunks under the new path, and paths whose file is gone are
 * dropped. A file that fails is recorded and the pass goes on.
 */
final class SyncPass {

    private static final Logger log = LoggerFactory.getLogger(SyncPass.class);
    /**
     * Files being made ahead of the one being written, and threads making them: two keep parsing of one document
     * going beside embedding of another, and the encoder's runs busy on small documents.
     */
    private static final int PREPARED_AHEAD = 3;
    private static final int MAKERS = 2;
    /** Writes wait at most this long for their commit: a commit per file cost much of the time of small files. */
    private static final long COMMIT_AFTER_NANOS = 2_000_000_000L;

    private final Sources sources;
    private final SourceScanner scanner;
    private final FileHashes hashes;
    private final FailedFiles failures;
    private final long maxFileBytes;
    private final BooleanSupplier stopping;

    /**
     * @param stopping asked between files; a pass stops when it says so. (The thread is never interrupted: an
     *                 interrupt during Lucene's file I/O closes the index's channels.)
     */
    SyncPass(Sources sources, SourceScanner scanner, FileHashes hashes, FailedFiles failures, long maxFileBytes,
             BooleanSupplier stopping) {
        this.sources = sources;
        this.scanner = scanner;
        this.hashes = hashes;
        this.failures = failures;
        this.maxFileBytes = maxFileBytes;
        this.stopping = stopping;
    }

    /**
     * @param ingestion writes to the index to bring in line
     * @param pipeline  the configured pipeline's signature: a file indexed under it with the same bytes is unchanged
     * @param counts    where the pass counts what it does
     * @param phases    whether the pass reports its phases on the run (the main pass of a run does)
     */
    void run(IngestionService ingestion, String pipeline, RunTracker run, PassCounts counts, boolean phases) {
        long started = System.nanoTime();
        // 1. what the index holds, by path; taken before listing, so a file added later is never taken for deleted
        Map<String, DocumentRecord> indexed = new HashMap<>();
        for (DocumentRecord document : ingestion.documents()) {
            document.paths().forEach(path -> indexed.put(path, document));
        }
        // 2. list the sources
        phase(run, phases, Phase.LISTING);
        List<Scan> scans = sources.all().stream().map(scanner::scan).toList();
        List<ScannedFile> files = scans.stream().flatMap(scan -> scan.files().stream()).toList();
        counts.listed(files.size(), files.stream().mapToLong(file -> file.stamp().sizeBytes()).sum());
        // 3. index what is new or changed; known bytes at a new path only gain the path. The next files are parsed
        //    and embedded while the current one is written, and writes are committed in batches.
        phase(run, phases, Phase.INDEXING);
        Moves moves = new Moves();
        Set<String> seen = new HashSet<>();
        try (Batch batch = new Batch(ingestion, run, counts, moves)) {
            Deque<Planned> ahead = new ArrayDeque<>();
            Iterator<ScannedFile> next = files.iterator();
            while (next.hasNext() || !ahead.isEmpty()) {
                while (next.hasNext() && ahead.size() < PREPARED_AHEAD) {
                    stopIfAsked();
                    ScannedFile file = next.next();
                    seen.add(file.recordedPath());
                    plan(file, indexed.get(file.recordedPath()), ingestion, pipeline, run, counts, batch)
                            .ifPresent(ahead::add);
                }
                if (!ahead.isEmpty()) {
                    stopIfAsked();
                    write(ahead.removeFirst(), ingestion, run, counts, batch);
                }
            }
            batch.commit();
        }
        // 4. drop the paths whose file is gone
        phase(run, phases, Phase.REMOVING);
        Map<String, Scan> scanOf = scans.stream().collect(Collectors.toMap(scan -> scan.source().name(), Function.identity()));
        for (Map.Entry<String, DocumentRecord> entry : indexed.entrySet()) {
            if (!seen.contains(entry.getKey())) {
                stopIfAsked();
                forget(entry.getKey(), entry.getValue(), scanOf, ingestion, counts, moves);
            }
        }
        // 5. a path gained and a path lost by the same bytes is a move
        moves.settle(counts);
        hashes.retainOnly(files.stream().map(ScannedFile::file).collect(Collectors.toSet()));
        failures.retainOnly(seen);
        log.info("Sync pass over {} source(s): {} files in {} ms ({} read to hash so far, {} failing)", scans.size(),
                files.size(), (System.nanoTime() - started) / 1_000_000, hashes.reads(), counts.failures().size());
    }

    /** A file to write, its document being made ahead. */
    private record Planned(ScannedFile file, DocumentRecord previous, SourceFile source, Future<PreparedDocument> made) {
    }

    /**
     * Looks at a file: unchanged, deferred or refused files are done with here; a file to index starts being made
     * (parsed, split, embedded) in the background and is returned, to be written in its turn.
     */
    private Optional<Planned> plan(ScannedFile file, DocumentRecord previous, IngestionService ingestion,
                                   String pipeline, RunTracker run, PassCounts counts, Batch batch) {
        String path = file.recordedPath();
        long size = file.stamp().sizeBytes();
        counts.seen();
        Optional<Failure> deferring = failures.deferring(path, file.stamp(), run.number(), run.manual());
        if (deferring.isPresent()) {
            Failure failure = deferring.get();
            counts.failed(new FailedFile(path, failure.code(), failure.detail(), failure.attempts(), true));
            counts.done(size);
            return Optional.empty();
        }
        try {
            requireIndexableSize(size);
            FileFacts facts = hashes.factsOf(file.file(), file.stamp());
            if (previous != null && previous.sha256().equals(facts.sha256()) && previous.pipeline().equals(pipeline)) {
                counts.unchanged();
                failures.succeeded(path);
                counts.done(size);
                return Optional.empty();
            }
            SourceFile source = new SourceFile(path, file.file(), file.stamp(), facts);
            return Optional.of(new Planned(file, previous, source, batch.prepare(source)));
        } catch (RuntimeException e) {
            failed(file, e, run, counts);
            counts.done(size);
            return Optional.empty();
        }
    }

    /** Writes a planned file's document in place of its old version; the batch commits it. */
    private void write(Planned planned, IngestionService ingestion, RunTracker run, PassCounts counts, Batch batch) {
        ScannedFile file = planned.file();
        try {
            PreparedDocument made = Batch.await(planned.made());
            IngestOutcome outcome = ingestion.ingestFile(planned.source(), planned.previous(), made, false);
            batch.written(file, planned.previous(), outcome);
        } catch (RuntimeException e) {
            failed(file, e, run, counts);
        }
        counts.done(file.stamp().sizeBytes());
        batch.commitIfDue();
    }

    /**
     * Records why a file failed: a code and a sentence for the status, which clients read; the exception goes to the
     * log, since its message can hold absolute paths, class names or what a parser said.
     */
    private void failed(ScannedFile file, RuntimeException e, RunTracker run, PassCounts counts) {
        String path = file.recordedPath();
        if (e instanceof RejectedDocumentException rejected) {
            fail(file, rejected.reason().name(), e.getMessage(), null, run, counts);
        } else if (e instanceof IndexUnavailableException) {
            fail(file, "INDEX_UNAVAILABLE", "The index could not take the file; it is tried again on the next run.", e,
                    run, counts);
        } else if (e instanceof UncheckedIOException) {
            if (FileStamp.of(file.file()).isEmpty()) {
                // deleted since the listing: not a failure, the next pass no longer sees it
                log.debug("{} went away while it was being read", path);
            } else {
                fail(file, "UNREADABLE", "The file could not be read (its permissions, or a disk error).", e, run, counts);
            }
        } else if (e instanceof CancellationException) {
            throw e;
        } else {
            fail(file, "INDEXING_FAILED", "Indexing the file failed on the service's side; the error is in its log.", e,
                    run, counts);
        }
    }

    /**
     * The files written since the last commit, and the threads that make the next documents. Writes are committed
     * once they have waited {@link #COMMIT_AFTER_NANOS}, and at the end of the indexing; only then are they counted
     * as done. A crash before that loses them from the index but not from the folders: the next pass indexes them
     * again. A failed commit (or a failed write, which discards everything not yet committed) fails them all, to be
     * tried again on the next run.
     */
    private final class Batch implements AutoCloseable {
        private final IngestionService ingestion;
        private final RunTracker run;
        private final PassCounts counts;
        private final Moves moves;
        private final ExecutorService makers;
        private final List<Written> written = new ArrayList<>();
        private long firstWrittenAt;

        private record Written(ScannedFile file, DocumentRecord previous, IngestOutcome outcome) {
        }

        Batch(IngestionService ingestion, RunTracker run, PassCounts counts, Moves moves) {
            this.ingestion = ingestion;
            this.run = run;
            this.counts = counts;
            this.moves = moves;
            AtomicInteger number = new AtomicInteger();
            // Named after the sync, so that whatever tells the sync's work apart by thread sees theirs as its own.
            this.makers = Executors.newFixedThreadPool(MAKERS, runnable -> {
                Thread thread = new Thread(runnable, "folder-sync-maker-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        Future<PreparedDocument> prepare(SourceFile source) {
            return makers.submit(() -> ingestion.prepareFile(source));
        }

        static PreparedDocument await(Future<PreparedDocument> made) {
            try {
                return made.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Interrupted while a document was being made");
            }
        }

        void written(ScannedFile file, DocumentRecord previous, IngestOutcome outcome) {
            if (outcome.change() == Change.KNOWN || outcome.change() == Change.STALE) {
                // nothing was written
                count(outcome, previous, counts, moves);
                failures.succeeded(file.recordedPath());
                return;
            }
            if (written.isEmpty()) {
                firstWrittenAt = System.nanoTime();
            }
            written.add(new Written(file, previous, outcome));
        }

        void commitIfDue() {
            if (!written.isEmpty() && System.nanoTime() - firstWrittenAt >= COMMIT_AFTER_NANOS) {
                commit();
            }
        }

        void commit() {
            if (written.isEmpty()) {
                return;
            }
            try {
                ingestion.commit();
                for (Written done : written) {
                    count(done.outcome(), done.previous(), counts, moves);
                    failures.succeeded(done.file().recordedPath());
                }
            } catch (RuntimeException e) {
                log.warn("Committing {} indexed file(s) failed ({}); they are indexed again on the next run",
                        written.size(), e.getMessage());
                for (Written lost : written) {
                    fail(lost.file(), "INDEX_UNAVAILABLE", "The index could not commit the file; it is indexed again "
                            + "on the next run.", null, run, counts);
                }
            } finally {
                written.clear();
            }
        }

        @Override
        public void close() {
            // On a stop, documents still being made are let finish (a parse worker is never interrupted) and dropped.
            makers.shutdown();
        }
    }

    private static void count(IngestOutcome outcome, DocumentRecord previous, PassCounts counts, Moves moves) {
        switch (outcome.change()) {
            case CREATED -> counts.added(1);
            case REPLACED -> counts.updated();
            case PATH_ADDED -> {
                counts.moved(1);
                moves.gained(outcome.document().id());
            }
            case KNOWN -> counts.unchanged();
            case STALE -> log.debug("A file changed while it was looked at; the next pass takes it as it is then");
        }
        if (previous != null && outcome.document() != null && !previous.id().equals(outcome.document().id())) {
            moves.replaced(previous.id());
        }
    }

    private void forget(String path, DocumentRecord document, Map<String, Scan> scanOf, IngestionService ingestion,
                        PassCounts counts, Moves moves) {
        SourcePath source;
        try {
            source = SourcePath.of(path);
        } catch (IllegalArgumentException e) {
            log.warn("Document {} has a path that is no source path, left as it is: {}", document.id(), path);
            return;
        }
        Scan scan = scanOf.get(source.source());
        if (scan != null && scan.mayHide(source.path())) {
            // its folder could not be read: the file may well be there
            return;
        }
        // null when the source is gone or the file no longer matches its globs: the path goes, whether the file is there or not
        Path file = sources.documentFile(source).orElse(null);
        try {
            if (ingestion.forgetPath(document, path, file)) {
                moves.forgotten(document.id());
            }
        } catch (RuntimeException e) {
            counts.failed(new FailedFile(path, "INDEX_UNAVAILABLE",
                    "The index could not drop the path; it is tried again on the next run.", 1, false));
            log.warn("Cannot drop {} from document {}: {}", path, document.id(), e.getMessage());
        }
    }

    /** @param cause what went wrong inside, for the log only; null when the detail says it all */
    private void fail(ScannedFile file, String code, String detail, RuntimeException cause, RunTracker run,
                      PassCounts counts) {
        Failure failure = failures.failed(file.recordedPath(), file.stamp(), code, detail, run.number());
        counts.failed(new FailedFile(file.recordedPath(), code, detail, failure.attempts(), false));
        long retryIn = failure.backsOff() ? failures.gap(failure.attempts()) : 1;
        if (cause == null) {
            log.warn("Cannot index {}: {} ({}); tried again in {} run(s)", file.recordedPath(), code, detail, retryIn);
        } else {
            log.warn("Cannot index {}: {}; tried again in {} run(s)", file.recordedPath(), code, retryIn, cause);
        }
    }

    private void requireIndexableSize(long size) {
        // checked before hashing, so a huge file is not read only to be refused
        if (size > maxFileBytes) {
            throw new RejectedDocumentException(Reason.TOO_LARGE, "The file is larger than the limit of " + maxFileBytes + " bytes.");
        }
        if (size == 0) {
            throw new RejectedDocumentException(Reason.UNSUPPORTED_TYPE, "The file is empty.");
        }
    }

    private static void phase(RunTracker run, boolean phases, Phase phase) {
        if (phases) {
            run.phase(phase);
        }
    }

    private void stopIfAsked() {
        if (stopping.getAsBoolean()) {
            throw new CancellationException("The sync was stopped: the service is shutting down");
        }
    }

    /**
     * Pairs, per document, the paths it gained with the paths it lost in the pass. A gained path without a lost one
     * is a copy (added); a lost one without a gained one is removed (or, when the path's bytes changed, updated).
     */
    private static final class Moves {
        private final Map<String, Integer> gained = new HashMap<>();
        private final Map<String, Integer> replaced = new HashMap<>();
        private final Map<String, Integer> forgotten = new HashMap<>();

        void gained(String documentId) {
            gained.merge(documentId, 1, Integer::sum);
        }

        void replaced(String documentId) {
            replaced.merge(documentId, 1, Integer::sum);
        }

        void forgotten(String documentId) {
            forgotten.merge(documentId, 1, Integer::sum);
        }

        void settle(PassCounts counts) {
            Set<String> documents = new HashSet<>(gained.keySet());
            documents.addAll(forgotten.keySet());
            for (String id : documents) {
                int gain = gained.getOrDefault(id, 0);
                int lostByChange = replaced.getOrDefault(id, 0);
                int gone = forgotten.getOrDefault(id, 0);
                int paired = Math.min(gain, lostByChange + gone);
                int pairedWithGone = Math.max(0, paired - lostByChange);
                counts.moved(-(gain - paired));
                counts.added(gain - paired);
                counts.removed(gone - pairedWithGone);
            }
        }
    }
}
