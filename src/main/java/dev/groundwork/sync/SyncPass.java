package dev.groundwork.sync;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.IndexUnavailableException;
import dev.groundwork.ingest.FilePlan;
import dev.groundwork.ingest.FileFacts;
import dev.groundwork.ingest.FileStamp;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.ingest.IngestionService.IngestOutcome;
import dev.groundwork.ingest.MemberOutcome;
import dev.groundwork.ingest.MemberPath;
import dev.groundwork.ingest.Prepared;
import dev.groundwork.ingest.RejectedDocumentException;
import dev.groundwork.ingest.SourceFile;
import dev.groundwork.ingest.SourcePath;
import dev.groundwork.ingest.WriteBatch;
import dev.groundwork.sync.FailedFiles.Failure;
import dev.groundwork.sync.SourceScanner.Scan;
import dev.groundwork.sync.SourceScanner.ScannedFile;
import dev.groundwork.sync.SyncReport.FailedFile;
import dev.groundwork.sync.SyncReport.Phase;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over every source folder, bringing an index in line with them: new files are indexed, changed files replace
 * their old version, moved files keep their chunks under the new path, and paths whose file is gone are dropped. A
 * file that fails is recorded and the pass goes on. The pass is an object: what it writes to, under which pipeline,
 * for which run, what the index held and what the pass has seen are its fields, so each step takes only its file.
 */
final class SyncPass implements WriteBatch.Listener<SyncPass.Planned> {

    private static final Logger log = LoggerFactory.getLogger(SyncPass.class);
    /** Files being made ahead of the one being written: parsing of one goes on beside embedding of another. */
    private static final int PREPARED_AHEAD = 3;
    /** Writes wait at most this long for their commit: a commit per file cost much of the time of small files. */
    private static final Duration COMMIT_AFTER = Duration.ofSeconds(2);

    private final SyncPasses shared;
    private final IngestionService target;
    private final String pipeline;
    private final SyncRun run;
    private final PassCounts counts;
    private final boolean phases;
    private final Moves moves = new Moves();
    /** What the index holds, by path; taken before listing, so a file added later is never taken for deleted. */
    private final Map<String, DocumentRecord> indexed = new HashMap<>();
    /** Members of containers, by their paths: they go with their container's path, or alone if it has none. */
    private final Map<String, DocumentRecord> members = new HashMap<>();
    private final Set<String> seen = new HashSet<>();

    /** A file to write, its document being made ahead when it needs making. */
    record Planned(ScannedFile file, DocumentRecord previous, SourceFile source,
                   CompletableFuture<Prepared> made) {
    }

    SyncPass(SyncPasses shared, IngestionService target, String pipeline, SyncRun run, PassCounts counts,
             boolean phases) {
        this.shared = shared;
        this.target = target;
        this.pipeline = pipeline;
        this.run = run;
        this.counts = counts;
        this.phases = phases;
    }

    void run() {
        long started = System.nanoTime();
        // 1. what the index holds, by path
        for (DocumentRecord document : target.documents()) {
            document.paths().forEach(path -> (MemberPath.isMember(path) ? members : indexed).put(path, document));
        }
        // 2. list the sources
        phase(Phase.LISTING);
        List<Scan> scans = shared.sources().all().stream().map(shared.scanner()::scan).toList();
        List<ScannedFile> files = scans.stream().flatMap(scan -> scan.files().stream()).toList();
        counts.listed(files.size(), files.stream().mapToLong(file -> file.stamp().sizeBytes()).sum());
        // 3. index what is new or changed; known bytes at a new path only gain the path. The next files are made
        //    while the current one is written, and the writes are committed in batches.
        phase(Phase.INDEXING);
        try (WriteBatch<Planned> batch = target.writeBatch(COMMIT_AFTER, this)) {
            Deque<Planned> ahead = new ArrayDeque<>();
            Iterator<ScannedFile> next = files.iterator();
            while (next.hasNext() || !ahead.isEmpty()) {
                while (next.hasNext() && ahead.size() < PREPARED_AHEAD) {
                    stopIfAsked();
                    plan(next.next()).ifPresent(ahead::add);
                }
                if (!ahead.isEmpty()) {
                    stopIfAsked();
                    write(ahead.removeFirst(), batch);
                }
            }
        }
        // 4. drop the paths whose file is gone
        phase(Phase.REMOVING);
        Map<String, Scan> scanOf = scans.stream().collect(Collectors.toMap(scan -> scan.source().name(), Function.identity()));
        for (Map.Entry<String, DocumentRecord> entry : indexed.entrySet()) {
            if (!seen.contains(entry.getKey())) {
                stopIfAsked();
                forget(entry.getKey(), entry.getValue(), scanOf);
            }
        }
        // a member path whose container no document holds (a container's write that failed midway) goes with its file
        for (Map.Entry<String, DocumentRecord> entry : members.entrySet()) {
            String container = MemberPath.of(entry.getKey()).orElseThrow().container();
            if (!seen.contains(container) && !indexed.containsKey(container)) {
                stopIfAsked();
                forget(entry.getKey(), entry.getValue(), scanOf);
            }
        }
        // 5. a path gained and a path lost by the same bytes is a move
        moves.settle(counts);
        shared.hashes().retainOnly(files.stream().map(ScannedFile::file).collect(Collectors.toSet()));
        shared.failures().retainOnly(seen);
        log.info("Sync pass over {} source(s): {} files in {} ms ({} read to hash so far, {} failing)", scans.size(),
                files.size(), (System.nanoTime() - started) / 1_000_000, shared.hashes().reads(), counts.failures().size());
    }

    /**
     * Looks at a file: unchanged, deferred or refused files are done with here; a file to index is returned, to be
     * written in its turn, with its document being made in the background when it needs making.
     */
    private Optional<Planned> plan(ScannedFile file) {
        String path = file.recordedPath();
        long size = file.stamp().sizeBytes();
        seen.add(path);
        counts.seen();
        Optional<Failure> deferring = shared.failures().deferring(path, file.stamp(), run.number(), run.manual());
        if (deferring.isPresent()) {
            Failure failure = deferring.get();
            counts.failed(new FailedFile(path, failure.code(), failure.detail(), failure.attempts(), true));
            counts.done(size);
            return Optional.empty();
        }
        try {
            target.requireIndexableSize(size); // before hashing, so a huge file is not read only to be refused
            FileFacts facts = shared.hashes().factsOf(file.file(), file.stamp());
            SourceFile source = new SourceFile(path, file.file(), file.stamp(), facts);
            DocumentRecord previous = indexed.get(path);
            FilePlan plan = target.plan(source, previous);
            if (plan instanceof FilePlan.Unchanged) {
                counts.unchanged();
                shared.failures().succeeded(path);
                counts.done(size);
                return Optional.empty();
            }
            CompletableFuture<Prepared> made = plan instanceof FilePlan.Make
                    ? CompletableFuture.supplyAsync(() -> target.prepare(source), shared.makers()) : null;
            return Optional.of(new Planned(file, previous, source, made));
        } catch (RuntimeException e) {
            failed(file, e);
            counts.done(size);
            return Optional.empty();
        }
    }

    /** Writes a planned file in place of its old version; the batch commits it. */
    private void write(Planned planned, WriteBatch<Planned> batch) {
        try {
            batch.write(planned, planned.source(), planned.previous(), await(planned.made()));
        } catch (RuntimeException e) {
            failed(planned.file(), e);
        }
        counts.done(planned.file().stamp().sizeBytes());
    }

    private static Prepared await(CompletableFuture<Prepared> made) {
        if (made == null) {
            return null;
        }
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

    /**
     * A written file is committed (or needed no write): it counts, and it no longer fails. The members of a container
     * that could not be read are listed with their reasons, as files of the container (they are tried again when it
     * changes).
     */
    @Override
    public void done(Planned planned, IngestOutcome outcome) {
        count(outcome, planned.previous());
        shared.failures().succeeded(planned.file().recordedPath());
        for (MemberOutcome member : outcome.members()) {
            if (member.refusal() != null) {
                String path = new MemberPath(planned.file().recordedPath(), member.name()).recorded();
                counts.failed(new FailedFile(path, member.refusal().reason().name(), member.refusal().detail(), 1, false));
            }
        }
        if (outcome.damage() != null) {
            counts.failed(new FailedFile(planned.file().recordedPath(), outcome.damage().reason().name(),
                    outcome.damage().detail(), 1, false));
        }
    }

    /** A written file's commit failed: it is indexed again on the next run. */
    @Override
    public void lost(Planned planned, RuntimeException cause) {
        fail(planned.file(), "INDEX_UNAVAILABLE", "The index could not commit the file; it is indexed again on the next "
                + "run.", null);
    }

    /**
     * Records why a file failed: a code and a sentence for the status, which clients read; the exception goes to the
     * log, since its message can hold absolute paths, class names or what a parser said.
     */
    private void failed(ScannedFile file, RuntimeException e) {
        String path = file.recordedPath();
        if (e instanceof RejectedDocumentException rejected) {
            fail(file, rejected.reason().name(), e.getMessage(), null);
        } else if (e instanceof IndexUnavailableException) {
            fail(file, "INDEX_UNAVAILABLE", "The index could not take the file; it is tried again on the next run.", e);
        } else if (e instanceof UncheckedIOException) {
            if (FileStamp.of(file.file()).isEmpty()) {
                // deleted since the listing: not a failure, the next pass no longer sees it
                log.debug("{} went away while it was being read", path);
            } else {
                fail(file, "UNREADABLE", "The file could not be read (its permissions, or a disk error).", e);
            }
        } else if (e instanceof CancellationException) {
            throw e;
        } else {
            fail(file, "INDEXING_FAILED", "Indexing the file failed on the service's side; the error is in its log.", e);
        }
    }

    private void count(IngestOutcome outcome, DocumentRecord previous) {
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

    private void forget(String path, DocumentRecord document, Map<String, Scan> scanOf) {
        SourcePath source;
        try {
            // a member's file is its container's
            source = SourcePath.of(MemberPath.of(path).map(MemberPath::container).orElse(path));
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
        Path file = shared.sources().documentFile(source).orElse(null);
        try {
            if (target.forgetPath(document, path, file)) {
                moves.forgotten(document.id());
            }
        } catch (RuntimeException e) {
            counts.failed(new FailedFile(path, "INDEX_UNAVAILABLE",
                    "The index could not drop the path; it is tried again on the next run.", 1, false));
            log.warn("Cannot drop {} from document {}: {}", path, document.id(), e.getMessage());
        }
    }

    /** @param cause what went wrong inside, for the log only; null when the detail says it all */
    private void fail(ScannedFile file, String code, String detail, RuntimeException cause) {
        FailedFiles failures = shared.failures();
        Failure failure = failures.failed(file.recordedPath(), file.stamp(), code, detail, run.number());
        counts.failed(new FailedFile(file.recordedPath(), code, detail, failure.attempts(), false));
        long retryIn = failure.backsOff() ? failures.gap(failure.attempts()) : 1;
        if (cause == null) {
            log.warn("Cannot index {}: {} ({}); tried again in {} run(s)", file.recordedPath(), code, detail, retryIn);
        } else {
            log.warn("Cannot index {}: {}; tried again in {} run(s)", file.recordedPath(), code, retryIn, cause);
        }
    }

    private void phase(Phase phase) {
        if (phases) {
            run.phase(phase);
        }
    }

    private void stopIfAsked() {
        if (shared.stopping()) {
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
