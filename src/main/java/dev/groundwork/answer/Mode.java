package dev.groundwork.answer;

/** Who wrote an answer. */
public enum Mode {
    /** Quoted from the sources, no LLM. */
    EXTRACTIVE,
    /** Written by the configured LLM. */
    LLM
}
