package dev.groundwork.sync;

import dev.groundwork.index.IndexGenerations;
import dev.groundwork.index.NextGeneration;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.sync.SyncReport.FailedFile;
import dev.groundwork.sync.SyncReport.Mode;
import dev.groundwork.sync.SyncReport.Phase;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the index with the configured pipeline in a new generation while the old one keeps serving, then
 * switches. Uploads and deletes go on meanwhile (into the old generation and the folders); two catch-up passes
 * bring the new generation up to date with them, the last one with writes held, so that what is switched in agrees
 * with the folders at that instant. If anything goes wrong before the switch, the new generation is thrown away.
 */
@Component
class IndexRebuild {

    private static final Logger log = LoggerFactory.getLogger(IndexRebuild.class);
    private static final Set<String> DOCUMENT_REJECTIONS = Arrays.stream(Reason.values()).map(Reason::name)
            .collect(Collectors.toUnmodifiableSet());

    private final IndexGenerations generations;
    private final IngestionService ingestion;
    private final SyncPasses passes;
    private final PipelineCheck check;

    IndexRebuild(IndexGenerations generations, IngestionService ingestion, SyncPasses passes, PipelineCheck check) {
        this.generations = generations;
        this.ingestion = ingestion;
        this.passes = passes;
        this.check = check;
    }

    void run(SyncRun run) {
        long started = System.nanoTime();
        run.mode(Mode.REBUILD);
        String pipeline = check.configured();
        NextGeneration next = generations.startNext();
        boolean switched = false;
        try {
            IngestionService target = ingestion.writingTo(next.store());
            // 1. fill the new generation from the folders, while the old one serves
            passes.pass(target, pipeline, run, run.counts(), true);
            // 2. catch up with what changed meanwhile, without holding anyone up
            run.phase(Phase.CATCHING_UP);
            PassCounts catchUp = new PassCounts();
            passes.pass(target, pipeline, run, catchUp, false);
            run.counts().addChanges(catchUp);
            // 3. with uploads and deletes held for a moment: the last changes, then the switch
            run.phase(Phase.SWITCHING);
            PassCounts last = new PassCounts();
            ingestion.exclusively(() -> {
                passes.pass(target, pipeline, run, last, false);
                requireNothingServedLost(last.failures());
                generations.switchTo(next, pipeline);
                return null;
            });
            switched = true;
            run.counts().addChanges(last);
            check.rebuilt();
            log.info("Index rebuilt with the configured pipeline as generation {} in {} ms", next.name(),
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            if (!switched) {
                generations.discard(next);
            }
        }
    }

    /**
     * A file the new pipeline rejects is reported like in any run; but one that failed for another reason (unreadable,
     * the new index or encoder failing) while the serving index holds it would be lost by switching now.
     */
    private void requireNothingServedLost(List<FailedFile> failures) {
        Set<String> served = ingestion.documents().stream().flatMap(document -> document.paths().stream())
                .collect(Collectors.toSet());
        List<String> lost = failures.stream()
                .filter(failure -> !DOCUMENT_REJECTIONS.contains(failure.code()) && served.contains(failure.file()))
                .map(failure -> failure.file() + " (" + failure.code() + ")").toList();
        if (!lost.isEmpty()) {
            throw new SyncFailedException("The rebuilt index would lose " + lost.size() + " served document file(s): "
                    + String.join(", ", lost.subList(0, Math.min(5, lost.size())))
                    + "; the serving index stays and the rebuild is tried again on a later run");
        }
    }
}
