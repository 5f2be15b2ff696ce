package dev.groundwork.observe;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Starts the observed stages of the service's work. Each stage is one {@link Observation}: Micrometer turns it into a
 * timer (with the percentiles and histogram the configuration asks for) and, with a tracing bridge, into a span whose
 * parent is the stage or request around it.
 */
public final class Stages {

    /** Stages of an upload or a folder sync: parse, split, embed, index, commit. */
    public static final String INGEST = "groundwork.ingest.stage";
    /** Stages of a question: retrieval (text-search, vector-search, fusion), generation (answer, check). */
    public static final String QUESTION = "groundwork.question.stage";
    /** One question's answer from the language model, every try included; tagged with its outcome. */
    public static final String LLM = "groundwork.llm";
    /** From the call to the language model to its first token. */
    public static final String LLM_FIRST_TOKEN = "groundwork.llm.first-token";

    /** Stages measured and observed by nobody: for tools and tests that make the services by hand. */
    public static final Stages NONE = new Stages(ObservationRegistry.NOOP);

    private final ObservationRegistry registry;

    public Stages(ObservationRegistry registry) {
        this.registry = registry;
    }

    /**
     * Starts a stage on this thread: stages started inside it, on this thread or on one the context was handed to,
     * are its children. Close it (try-with-resources) on the same thread.
     *
     * @param name  one of the names above: the timer's name
     * @param stage the {@code stage} tag, and the span's name
     */
    public Stage start(String name, String stage) {
        Observation observation = Observation.createNotStarted(name, registry)
                .contextualName(stage)
                .lowCardinalityKeyValue("stage", stage);
        return new Stage(observation);
    }

    /**
     * Starts an observation without a stage tag (the LLM's), to be tagged with its {@code outcome} before it stops;
     * until then its outcome is {@code unknown} (Prometheus wants every series of a name to have the same tags).
     */
    public Stage startCall(String name, String contextualName) {
        return new Stage(Observation.createNotStarted(name, registry).contextualName(contextualName)
                .lowCardinalityKeyValue("outcome", "unknown"));
    }
}
