package dev.groundwork.answer;

import dev.groundwork.answer.AnswerChecker.Checked;
import dev.groundwork.embed.Encoder;
import dev.groundwork.index.ChunkFilter;
import dev.groundwork.observe.Outcomes;
import dev.groundwork.observe.Stage;
import dev.groundwork.observe.Stages;
import dev.groundwork.prompt.Prompt;
import dev.groundwork.prompt.PromptCatalog;
import dev.groundwork.retrieve.Retrieval;
import dev.groundwork.retrieve.RetrievalRequest;
import dev.groundwork.retrieve.RetrievalSettings;
import dev.groundwork.retrieve.Retriever;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers a question from the documents: retrieve, number the sources, weigh the evidence (abstain when it is too
 * weak), let the {@link Answerer} write the answer (quotes, or a language model that falls back to quotes), check the
 * citations and the support of every sentence.
 */
@Service
public class AnswerService {

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);

    private final Retriever retriever;
    private final Encoder encoder;
    private final PromptCatalog catalog;
    private final GroundedPrompts prompts;
    private final Answerer answerer;
    private final AnswerChecker checker;
    private final AnswerSettings settings;
    private final Stages stages;
    private final Outcomes outcomes;

    private final Condenser condenser;
    private final int maxTurns;
    private final int maxQueryChars;

    AnswerService(Retriever retriever, Encoder encoder, PromptCatalog catalog, GroundedPrompts prompts,
                  Answerer answerer, AnswerChecker checker, AnswerSettings settings, Condenser condenser,
                  ConversationSettings conversations, RetrievalSettings retrieval, Stages stages, Outcomes outcomes) {
        this.condenser = condenser;
        this.maxTurns = conversations.maxTurns();
        this.maxQueryChars = retrieval.maxQueryChars();
        this.retriever = retriever;
        this.encoder = encoder;
        this.catalog = catalog;
        this.prompts = prompts;
        this.answerer = answerer;
        this.checker = checker;
        this.settings = settings;
        this.stages = stages;
        this.outcomes = outcomes;
    }

    /** The mode answers are written in when all goes well. */
    public Mode mode() {
        return answerer.mode();
    }

    /**
     * Retrieves the chunks of a question.
     *
     * @throws dev.groundwork.retrieve.InvalidQueryException for a blank or over-long question, or a bad k
     */
    public PreparedQuestion prepare(Question question) {
        String searched = standalone(question);
        return new PreparedQuestion(question.text().strip(), retriever.retrieve(new RetrievalRequest(searched,
                question.k(), new ChunkFilter(question.documentIds(), Set.of()))));
    }

    /**
     * What to search for: a follow-up made standalone from its latest turns (each cut short), or the question itself.
     * A standalone question longer than the limit gives way to the question as asked, which retrieval then judges.
     */
    private String standalone(Question question) {
        List<Turn> turns = question.conversation().turns();
        if (turns.isEmpty() || question.text().isBlank() || question.text().length() > maxQueryChars) {
            return question.text();
        }
        List<Turn> latest = turns.subList(Math.max(0, turns.size() - maxTurns), turns.size()).stream()
                .map(turn -> turn.cut(ConversationSettings.KEPT_CHARS)).toList();
        String standalone;
        try (Stage stage = stages.start(Stages.QUESTION, "condense")) {
            standalone = condenser.condense(new Conversation(latest), question.text());
        }
        if (standalone.isBlank() || standalone.length() > maxQueryChars) {
            return question.text();
        }
        if (!standalone.equals(question.text().strip())) {
            log.info("Follow-up after {} turns made standalone ({} characters searched for)", latest.size(),
                    standalone.length());
        }
        return standalone;
    }

    /**
     * Answers a question, telling the listener the sources and the tokens as they come.
     *
     * @throws dev.groundwork.retrieve.InvalidQueryException for a blank or over-long question, or a bad k
     */
    public Answer answer(Question question, AnswerListener listener) {
        return answer(prepare(question), listener);
    }

    /** Answers a question when only the final answer is wanted. */
    public Answer answer(Question question) {
        return answer(question, AnswerListener.NONE);
    }

    /**
     * Answers a question whose chunks are retrieved, telling the listener the sources and the tokens. Its stages are
     * observed ({@link Stages#QUESTION}: generation, and inside it answer and check), and the {@link Timings} of the
     * reply are read from them.
     */
    public Answer answer(PreparedQuestion question, AnswerListener listener) {
        Retrieval retrieval = question.retrieval();
        try (Stage generation = stages.start(Stages.QUESTION, "generation")) {
            try {
                Answer answer = answer(retrieval, listener, generation);
                outcomes.question(answer.abstained() ? Outcomes.Question.ABSTAINED
                                : answer.fallbackReason() != null ? Outcomes.Question.FALLBACK : Outcomes.Question.ANSWERED,
                        answer.fallbackReason() == null ? null : answer.fallbackReason().name(),
                        answer.timings().retrievalMs() + answer.timings().generationMs());
                return answer;
            } catch (RuntimeException e) {
                generation.failed(e);
                throw e;
            }
        }
    }

    private Answer answer(Retrieval retrieval, AnswerListener listener, Stage generation) {
        // 1. nothing to answer from
        if (retrieval.chunks().isEmpty()) {
            listener.sources(List.of());
            log.info("Question with no documents to search: abstained");
            return abstention(Prompt.NO_DOCUMENTS, List.of(), null, retrieval.tookMs(), generation);
        }
        // 2. number the sources within the budget
        List<Source> sources = prompts.fit(retrieval.chunks());
        listener.sources(sources);
        // 3. weigh the evidence
        Evidence evidence = Evidence.of(retrieval.query(), retrieval.queryVector(), sources, encoder);
        double strength = evidence.strength(settings, retrieval.closest());
        if (strength < settings.evidenceThreshold()) {
            log.info("Evidence {} below {} over {} sources: abstained", round(strength), settings.evidenceThreshold(),
                    sources.size());
            return abstention(Prompt.NO_ANSWER, sources, strength, retrieval.tookMs(), generation);
        }
        // 4. write
        Draft draft;
        try (Stage stage = stages.start(Stages.QUESTION, "answer")) {
            draft = answerer.answer(evidence, listener);
        }
        // 5. check
        Checked checked;
        Stage check = stages.start(Stages.QUESTION, "check");
        try (check) {
            checked = checker.check(draft, evidence);
        }
        Timings timings = new Timings(retrieval.tookMs(), generation.millis(), check.millis());
        Answer answer = new Answer(checked.text(), checked.citations(), checked.sentences(), draft.mode(), false,
                draft.fallbackReason(), checked.invalidCitations(), sources, timings, strength);
        log.info("Answered ({}) with {} sentences, {} citations, {} unsupported, {} invalid markers; retrieval {} ms, "
                        + "generation {} ms, check {} ms", answer.mode().name().toLowerCase(), answer.sentences().size(),
                answer.citations().size(), answer.sentences().stream().filter(s -> !s.supported()).count(),
                answer.invalidCitations().size(), timings.retrievalMs(), timings.generationMs(), timings.checkMs());
        return answer;
    }

    private Answer abstention(Prompt text, List<Source> sources, Double strength, long retrievalMs, Stage generation) {
        Timings timings = new Timings(retrievalMs, generation.millis(), 0);
        return new Answer(catalog.text(text), List.of(), List.of(), mode(), true, null, List.of(), sources, timings,
                strength);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
