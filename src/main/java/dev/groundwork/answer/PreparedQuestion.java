package dev.groundwork.answer;

import dev.groundwork.retrieve.Retrieval;

/**
 * A question whose chunks are retrieved: the part of answering that can refuse the question (blank, too long),
 * done before a stream starts so that a refusal is a plain 400.
 */
public final class PreparedQuestion {

    private final String asked;
    private final Retrieval retrieval;

    PreparedQuestion(String asked, Retrieval retrieval) {
        this.asked = asked;
        this.retrieval = retrieval;
    }

    /** A question whose chunks were retrieved elsewhere (the evaluation retrieves them itself). */
    public static PreparedQuestion of(Retrieval retrieval) {
        return new PreparedQuestion(retrieval.query(), retrieval);
    }

    /** The question as asked, trimmed: for a follow-up, what the user wrote. */
    public String asked() {
        return asked;
    }

    Retrieval retrieval() {
        return retrieval;
    }

    /** The question as searched, trimmed: for a follow-up, made standalone from the conversation. */
    public String text() {
        return retrieval.query();
    }
}
