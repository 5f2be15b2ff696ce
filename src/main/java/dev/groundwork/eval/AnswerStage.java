package dev.groundwork.eval;

import dev.groundwork.retrieve.Retrieval;

/**
 * Answers a question from the chunks retrieved for it, for the answer metrics. The evaluation calls it with
 * the top chunks of each configuration; an adapter over the application's answerer plugs in here.
 */
public interface AnswerStage {

    /**
     * @param retrieved the question and the chunks it is answered from, best first; citations refer to them by
     *                  number from 1
     */
    AnswerOutcome answer(Retrieval retrieved);

    /** A short name for the report, e.g. {@code extractive}. */
    String name();
}
