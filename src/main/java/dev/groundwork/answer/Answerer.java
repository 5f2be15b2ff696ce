package dev.groundwork.answer;

/**
 * Writes the answer to a question from its evidence, streaming it to the listener as it goes: quoting the sources
 * ({@link ExtractiveAnswerer}), asking a language model (in {@code answer.llm}, when one is configured), or one and,
 * when it fails, the other ({@link FallbackAnswerer}).
 */
public interface Answerer {

    /**
     * @throws AnswerFailedException when no answer was written (tokens may have been streamed before)
     */
    Draft answer(Evidence evidence, AnswerListener listener);

    /** Who writes the answers when all goes well. */
    Mode mode();
}
