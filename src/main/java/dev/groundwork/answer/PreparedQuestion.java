package dev.groundwork.answer;

import dev.groundwork.retrieve.Retrieval;
import dev.groundwork.retrieve.RetrievedChunk;
import java.util.List;

/**
 * A question whose chunks are retrieved: the part of answering that can refuse the question (blank, too long),
 * done before a stream starts so that a refusal is a plain 400.
 */
public final class PreparedQuestion {

    private final Retrieval retrieval;

    PreparedQuestion(Retrieval retrieval) {
        this.retrieval = retrieval;
    }

    /** A question with chunks found elsewhere (the evaluation retrieves them itself), best first. */
    public static PreparedQuestion of(String question, List<RetrievedChunk> chunks) {
        return new PreparedQuestion(new Retrieval(question.strip(), chunks, 0));
    }

    Retrieval retrieval() {
        return retrieval;
    }

    /** The question as searched, trimmed. */
    public String text() {
        return retrieval.query();
    }
}
