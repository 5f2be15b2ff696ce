package dev.groundwork.sync;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.IndexGenerations;
import dev.groundwork.ingest.DocumentPipeline;
import dev.groundwork.ingest.IngestionService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compares the pipeline the serving index was built with to the configured one: a start-up step, {@link #run()}, taken
 * once before the service takes requests (see {@link SyncStartup}). When they differ the next sync rebuilds the index;
 * when the encoders differ too, the serving index's vectors cannot be compared with the new encoder's, so until the
 * switch queries use text search only and new chunks are stored without vectors. An index that records no pipeline
 * but whose documents were all made by the configured one is recorded as built with it.
 */
@Component
class PipelineCheck {

    private static final Logger log = LoggerFactory.getLogger(PipelineCheck.class);

    private final IndexGenerations generations;
    private final IngestionService ingestion;
    private final String configured;
    private volatile boolean rebuildNeeded;

    PipelineCheck(IndexGenerations generations, IngestionService ingestion, DocumentPipeline pipeline) {
        this.generations = generations;
        this.ingestion = ingestion;
        this.configured = pipeline.signature();
    }

    /** The check: decides whether a rebuild is needed, and whether the serving generation's vectors compare. */
    void run() {
        Optional<String> recorded = generations.serving().builtWith();
        String built;
        if (recorded.filter(configured::equals).isPresent()) {
            built = configured;
        } else {
            // Nothing recorded (a new or an older index), or another pipeline: the documents tell.
            List<DocumentRecord> documents = ingestion.documents();
            // a document's signature carries the OCR settings when they shaped its text: the index's does not
            if (documents.stream().allMatch(document -> DocumentPipeline.withoutOcr(document.pipeline()).equals(configured))) {
                generations.recordBuiltWith(configured);
                built = configured;
            } else {
                built = recorded.orElseGet(() -> mostCommon(documents));
            }
        }
        this.rebuildNeeded = !built.equals(configured);
        boolean sameEncoder = DocumentPipeline.encoderPart(built).equals(DocumentPipeline.encoderPart(configured));
        generations.vectorsComparable(sameEncoder);
        if (rebuildNeeded) {
            log.warn("The index generation {} was built with another pipeline ({}) than the configured one ({}); "
                            + "the next sync rebuilds it beside the serving one{}", generations.serving().name(), built,
                    configured, sameEncoder ? "" : ". Until the switch, queries use text search only: the encoder changed");
        }
    }

    String configured() {
        return configured;
    }

    boolean rebuildNeeded() {
        return rebuildNeeded;
    }

    void rebuilt() {
        rebuildNeeded = false;
    }

    private static String mostCommon(List<DocumentRecord> documents) {
        Map<String, Long> counts = documents.stream()
                .collect(Collectors.groupingBy(document -> DocumentPipeline.withoutOcr(document.pipeline()),
                        Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }
}
