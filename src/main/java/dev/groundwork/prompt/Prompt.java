package dev.groundwork.prompt;

import java.util.Set;

/**
 * The prompt files Groundwork reads from the prompts folder, and the placeholders each must hold. A file may use
 * the optional placeholders too; any other placeholder is a typo and stops the start-up like a missing one.
 */
public enum Prompt {

    /** The system message sent to the LLM: the rules of a grounded answer, naming this request's source tag. */
    SYSTEM("system.txt", Set.of("tag"), Set.of()),
    /** The user message sent to the LLM: the question and the numbered sources. */
    ANSWER("answer.txt", Set.of("question", "sources"), Set.of()),
    /** How one numbered source is written inside {@code {{sources}}}, between tags named {@code {{tag}}}. */
    SOURCE("source.txt", Set.of("n", "title", "page", "text", "tag"), Set.of("fileName")),
    /**
     * The message that asks the LLM to make a follow-up question stand alone: the conversation so far (each turn
     * written with {@link #CONDENSE_TURN}) and the follow-up.
     */
    CONDENSE("condense.txt", Set.of("history", "question"), Set.of()),
    /** How one earlier turn is written inside {@code {{history}}}. */
    CONDENSE_TURN("condense-turn.txt", Set.of("question", "answer"), Set.of()),
    /** The answer when the documents do not hold one. */
    NO_ANSWER("no-answer.txt", Set.of(), Set.of()),
    /** The answer when nothing is indexed yet. */
    NO_DOCUMENTS("no-documents.txt", Set.of(), Set.of());

    private final String fileName;
    private final Set<String> required;
    private final Set<String> optional;

    Prompt(String fileName, Set<String> required, Set<String> optional) {
        this.fileName = fileName;
        this.required = required;
        this.optional = optional;
    }

    public String fileName() {
        return fileName;
    }

    public Set<String> required() {
        return required;
    }

    boolean allows(String placeholder) {
        return required.contains(placeholder) || optional.contains(placeholder);
    }
}
