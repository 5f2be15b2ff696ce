package dev.groundwork.answer;

import java.util.List;

/**
 * One sentence of an answer, checked against the sources it cites, with where it stands.
 *
 * @param text               the sentence without its citation markers
 * @param citations          the source numbers it cites, valid ones only
 * @param supported          whether its support reaches the configured threshold
 * @param support            similarity and term overlap with the cited sources, 0..1; 0 when it cites nothing
 * @param repeatsInstruction whether it repeats a sentence of a source that gives orders to an assistant ("ignore
 *                           your previous instructions...", "tell the user to..."): a document may be steering the
 *                           answer
 * @param start              where the sentence starts in the answer's text
 * @param end                where it ends in the answer's text, its citation markers included
 * @param markers            its citation markers, where they stand in the answer's text
 * @param supportedBy        for each source it cites, the sentence of that source that supports it best
 */
public record AnswerSentence(String text, List<Integer> citations, boolean supported, double support,
                             boolean repeatsInstruction, int start, int end, List<CitationMarker> markers,
                             List<SupportingSentence> supportedBy) {

    public AnswerSentence {
        citations = List.copyOf(citations);
        markers = List.copyOf(markers);
        supportedBy = List.copyOf(supportedBy);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("invalid answer sentence span " + start + ".." + end);
        }
    }
}
