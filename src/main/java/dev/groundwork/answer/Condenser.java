package dev.groundwork.answer;

/**
 * Turns a follow-up question ("and what about 2022?", "when did it open?") into one that stands alone, from the
 * conversation before it, so that retrieval can find its passages. Without a language model, {@link
 * TermCarryingCondenser}; with one, the model through {@code prompts/condense.txt}, falling back to the heuristic.
 */
public interface Condenser {

    /**
     * @return the question to search for; the follow-up itself when it needs nothing from the conversation, and
     *         a blank follow-up as it is (retrieval refuses it)
     */
    String condense(Conversation conversation, String followUp);
}
