package dev.groundwork.mcp;

import dev.groundwork.answer.Answer;
import dev.groundwork.answer.AnswerCapacity;
import dev.groundwork.answer.AnswerSentence;
import dev.groundwork.answer.AnswerService;
import dev.groundwork.answer.Question;
import dev.groundwork.answer.Source;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.observe.Outcomes;
import dev.groundwork.retrieve.RetrievalSettings;
import dev.groundwork.security.RateLimiter;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code ask}: a checked answer with its citations, or the abstention, as {@code POST /api/ask} gives it. */
@Component
class AskTool implements GroundworkTool {

    static final String NAME = "ask";

    /**
     * The result.
     *
     * @param answer       the answer with its {@code [n]} markers, or the text saying the documents do not hold it
     * @param abstained    true when the documents do not hold the answer (or there are none)
     * @param mode         {@code extractive} (quoted from the passages) or {@code llm} (written by the language model)
     * @param notSupported sentences of the answer the checks found no support for in the passages they cite
     */
    record Result(String answer, boolean abstained, String mode, String fallbackReason, List<Citation> citations,
                  List<String> notSupported) {
    }

    /** What {@code [n]} in the answer refers to: a passage, its document and its exact text. */
    record Citation(int n, String passageId, String documentId, String title, String about, String fileName,
                    Integer page, String text) {

        static Citation of(Source source) {
            return new Citation(source.n(), PassageId.of(source.document().id(), source.ordinal()).toString(),
                    source.document().id(), source.document().title(), source.document().about(),
                    source.document().fileName(), source.page(), source.text());
        }
    }

    private final AnswerService answers;
    private final AnswerCapacity capacity;
    private final IngestionService ingestion;
    private final RateLimiter limiter;
    private final RetrievalSettings settings;
    private final Outcomes outcomes;

    AskTool(AnswerService answers, AnswerCapacity capacity, IngestionService ingestion, RateLimiter limiter,
            RetrievalSettings settings, Outcomes outcomes) {
        this.answers = answers;
        this.capacity = capacity;
        this.ingestion = ingestion;
        this.limiter = limiter;
        this.settings = settings;
        this.outcomes = outcomes;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpSchema.Tool.builder()
                .name(NAME)
                .title("Ask the documents")
                .description("Answer a question from the user's own documents indexed in Groundwork, every claim cited: "
                        + "returns the answer with [n] markers and the citations they refer to (title, file name, page, "
                        + "the passage's exact text and its passageId). When the documents do not hold the answer, "
                        + "abstained is true and the answer says so: then say that the documents do not answer it, and "
                        + "do not present other knowledge as theirs. Sentences listed in notSupported were not found in "
                        + "the passages they cite. Use search_documents instead to see more passages, or to look for "
                        + "several things at once.")
                .inputSchema(QuestionArguments.schema("question", "One self-contained question. Name its subject "
                        + "(the organisation, product, person or period); 'it' or 'that year' from earlier turns are "
                        + "not known here.", "How many passages to answer from", settings))
                .annotations(new McpSchema.ToolAnnotations("Ask the documents", true, false, false, false, null))
                .build();
    }

    @Override
    public Set<String> arguments() {
        return QuestionArguments.names("question");
    }

    @Override
    public Result call(ToolArguments arguments, ToolCall call) {
        QuestionArguments question = QuestionArguments.read(arguments, "question");
        limiter.takeQuestion(call.caller());
        question.requireKnownDocuments(ingestion);
        try (AnswerCapacity.Slot slot = capacity.take()) {
            return result(answers.answer(new Question(question.text(), question.k(), question.documentIds())));
        }
    }

    /** Counted by code, as the API's failed questions are ({@code groundwork.questions{outcome="error"}}). */
    @Override
    public void failed(ToolFailure failure) {
        outcomes.questionFailed(failure.code());
    }

    private static Result result(Answer answer) {
        return new Result(answer.text(), answer.abstained(), answer.mode().name().toLowerCase(Locale.ROOT),
                answer.fallbackReason() == null ? null : answer.fallbackReason().name(),
                answer.citations().stream().map(Citation::of).toList(),
                // the abstention's own text cites nothing and claims nothing
                answer.abstained() ? List.of() : answer.sentences().stream().filter(sentence -> !sentence.supported())
                        .map(AnswerSentence::text).toList());
    }
}
