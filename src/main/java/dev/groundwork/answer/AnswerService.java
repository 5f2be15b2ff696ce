package dev.groundwork.answer;

import dev.groundwork.answer.AnswerChecker.Checked;
import dev.groundwork.answer.Evidence.SourceSentence;
import dev.groundwork.embed.Encoder;
import dev.groundwork.index.ChunkFilter;
import dev.groundwork.prompt.Prompt;
import dev.groundwork.prompt.PromptCatalog;
import dev.groundwork.retrieve.Retrieval;
import dev.groundwork.retrieve.RetrievalRequest;
import dev.groundwork.retrieve.Retriever;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers a question from the documents: retrieve, number the sources, weigh the evidence (abstain when it is
 * too weak), answer (LLM when configured, else extractive; extractive again when the LLM fails), check the
 * citations and the support of every sentence.
 */
@Service
public class AnswerService {

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);

    private final Retriever retriever;
    private final Encoder encoder;
    private final PromptCatalog catalog;
    private final GroundedPrompts prompts;
    private final ExtractiveAnswerer extractive;
    private final LlmAnswerer llm;
    private final AnswerChecker checker;
    private final AnswerSettings settings;

    AnswerService(Retriever retriever, Encoder encoder, PromptCatalog catalog, GroundedPrompts prompts,
                  ExtractiveAnswerer extractive, LlmAnswerer llm, AnswerChecker checker, AnswerSettings settings) {
        this.retriever = retriever;
        this.encoder = encoder;
        this.catalog = catalog;
        this.prompts = prompts;
        this.extractive = extractive;
        this.llm = llm;
        this.checker = checker;
        this.settings = settings;
    }

    /** The mode answers are written in when all goes well. */
    public Mode mode() {
        return llm.enabled() ? Mode.LLM : Mode.EXTRACTIVE;
    }

    /**
     * Retrieves the chunks of a question.
     *
     * @throws dev.groundwork.retrieve.InvalidQueryException for a blank or over-long question, or a bad k
     */
    public PreparedQuestion prepare(Question question) {
        return new PreparedQuestion(retriever.retrieve(new RetrievalRequest(question.text(), question.k(),
                new ChunkFilter(question.documentIds(), Set.of()))));
    }

    /**
     * Answers a question, telling the listener the sources and the tokens as they come.
     *
     * @throws dev.groundwork.retrieve.InvalidQueryException for a blank or over-long question, or a bad k
     */
    public Answer answer(Question question, AnswerListener listener) {
        return answer(prepare(question), listener);
    }

    /** Answers a question whose chunks are retrieved, telling the listener the sources and the tokens. */
    public Answer answer(PreparedQuestion question, AnswerListener listener) {
        Retrieval retrieval = question.retrieval();
        long generationStarted = System.nanoTime();
        // 1. nothing to answer from
        if (retrieval.chunks().isEmpty()) {
            listener.sources(List.of());
            log.info("Question with no documents to search: abstained");
            return abstention(Prompt.NO_DOCUMENTS, List.of(), null, retrieval.tookMs(), generationStarted);
        }
        // 2. number the sources within the budget
        List<Source> sources = prompts.fit(retrieval.chunks());
        listener.sources(sources);
        // 3. weigh the evidence
        Evidence evidence = Evidence.of(retrieval.query(), sources, encoder);
        double strength = evidence.strength(settings);
        if (strength < settings.evidenceThreshold()) {
            log.info("Evidence {} below {} over {} sources: abstained", round(strength), settings.evidenceThreshold(),
                    sources.size());
            return abstention(Prompt.NO_ANSWER, sources, strength, retrieval.tookMs(), generationStarted);
        }
        // 4. answer and check
        Answer answer = llm.enabled()
                ? withLlm(evidence, strength, listener, retrieval.tookMs(), generationStarted)
                : extractively(evidence, strength, listener, null, true, retrieval.tookMs(), generationStarted);
        log.info("Answered ({}) with {} sentences, {} citations, {} unsupported, {} invalid markers; retrieval {} ms, "
                        + "generation {} ms, check {} ms", answer.mode().name().toLowerCase(), answer.sentences().size(),
                answer.citations().size(), answer.sentences().stream().filter(s -> !s.supported()).count(),
                answer.invalidCitations().size(), answer.timings().retrievalMs(), answer.timings().generationMs(),
                answer.timings().checkMs());
        return answer;
    }

    /** Answers a question when only the final answer is wanted. */
    public Answer answer(Question question) {
        return answer(question, AnswerListener.NONE);
    }

    private Answer withLlm(Evidence evidence, double strength, AnswerListener listener, long retrievalMs,
                           long started) {
        StreamWatch watch = new StreamWatch(listener);
        try {
            String draft = llm.answer(prompts.write(evidence.question(), evidence.sources()), watch);
            long checkStarted = System.nanoTime();
            Checked checked = checker.check(draft, evidence);
            return answer(checked, Mode.LLM, null, evidence, strength, retrievalMs, started, checkStarted);
        } catch (LlmFailure failure) {
            // Tokens already streamed stay on the client's screen until "done" replaces them.
            return extractively(evidence, strength, listener, failure.reason(), !watch.streamed, retrievalMs, started);
        }
    }

    private Answer extractively(Evidence evidence, double strength, AnswerListener listener, FallbackReason reason,
                                boolean stream, long retrievalMs, long started) {
        List<SourceSentence> quotes = extractive.answer(evidence);
        long checkStarted = System.nanoTime();
        Checked checked = checker.check(quotes, evidence);
        if (stream) {
            SourceSentence previous = null;
            for (SourceSentence quote : quotes) {
                String token = AnswerChecker.separator(previous, quote) + quote.text() + " [" + quote.source().n() + "]";
                if (!listener.token(token)) {
                    break;
                }
                previous = quote;
            }
        }
        return answer(checked, Mode.EXTRACTIVE, reason, evidence, strength, retrievalMs, started, checkStarted);
    }

    private static Answer answer(Checked checked, Mode mode, FallbackReason reason, Evidence evidence,
                                 double strength, long retrievalMs, long started, long checkStarted) {
        long now = System.nanoTime();
        Timings timings = new Timings(retrievalMs, (now - started) / 1_000_000, (now - checkStarted) / 1_000_000);
        return new Answer(checked.text(), checked.citations(), checked.sentences(), mode, false, reason,
                checked.invalidCitations(), evidence.sources(), timings, strength);
    }

    private Answer abstention(Prompt text, List<Source> sources, Double strength, long retrievalMs, long started) {
        Timings timings = new Timings(retrievalMs, (System.nanoTime() - started) / 1_000_000, 0);
        return new Answer(catalog.text(text), List.of(), List.of(), mode(), true, null, List.of(), sources, timings,
                strength);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Passes tokens on and remembers whether any went out. */
    private static final class StreamWatch implements AnswerListener {
        private final AnswerListener listener;
        private volatile boolean streamed;

        StreamWatch(AnswerListener listener) {
            this.listener = listener;
        }

        @Override
        public boolean token(String text) {
            streamed = true;
            return listener.token(text);
        }
    }
}
