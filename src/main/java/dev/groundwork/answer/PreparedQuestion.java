package dev.groundwork.answer;

import dev.groundwork.retrieve.Retrieval;

/**
 * A question whose chunks are retrieved: the part of answering that can refuse the question (blank, too long),
 * done before a stream starts so that a refusal is a plain 400.
 */
public final class PreparedQuestion {

    private final Retrieval retrieval;

    PreparedQuestion(Retrieval retrieval) {
        this.retrieval = retrieval;
    }

    /** A question whose chunks were retrieved elsewhere (the evaluation retrieves them itself). */
    public static PreparedQuestion of(Retrieval retrieval) {
        return new PreparedQuestion(retrieval);
    }

    Retrieval retrieval() {
        return retrieval;
    }

    /** The question as searched, trimmed. */
    public String text() {
        return retrieval.query();
    }
}
