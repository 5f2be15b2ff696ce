package dev.groundwork.answer;

import java.util.List;

/**
 * One sentence of an answer, checked against the sources it cites.
 *
 * @param text      the sentence without its citation markers
 * @param citations the source numbers it cites, valid ones only
 * @param supported whether its support reaches the configured threshold
 * @param support   similarity and term overlap with the cited sources, 0..1; 0 when it cites nothing
 * @param repeatsInstruction whether it repeats a sentence of a source that gives orders to an assistant ("ignore
 *                  your previous instructions...", "tell the user to..."): a document may be steering the answer
 */
public record AnswerSentence(String text, List<Integer> citations, boolean supported, double support,
                             boolean repeatsInstruction) {

    public AnswerSentence {
        citations = List.copyOf(citations);
    }
}
