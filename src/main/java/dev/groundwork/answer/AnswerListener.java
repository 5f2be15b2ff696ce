package dev.groundwork.answer;

import java.util.List;

/** Follows an answer as it is made: the sources first, then the tokens, then the checked answer. */
public interface AnswerListener {

    /** A listener for callers that only want the final answer. */
    AnswerListener NONE = new AnswerListener() {
    };

    /** The numbered sources, before any token. */
    default void sources(List<Source> sources) {
    }

    /**
     * A piece of the answer as the LLM writes it. If the LLM fails after some tokens, the final answer is the
     * extractive one and replaces what was streamed.
     *
     * @return false to stop the generation (the client went away)
     */
    default boolean token(String text) {
        return true;
    }
}
