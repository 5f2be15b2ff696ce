package dev.groundwork.eval;

import java.util.List;
import java.util.Objects;

/**
 * What an answer stage made of a question.
 *
 * @param text      the answer as shown to the user; empty when it abstained
 * @param abstained whether it said it cannot answer from the sources
 * @param citations the sources cited, by number from 1 into the chunks it was given
 * @param sentences each sentence of the answer and whether the sources support it
 * @param evidence  the score abstention was decided on, when the answer stage tells it; else null
 */
public record AnswerOutcome(String text, boolean abstained, List<Integer> citations, List<SentenceSupport> sentences,
                            Double evidence) {

    public AnswerOutcome {
        Objects.requireNonNull(text, "text");
        citations = List.copyOf(citations);
        sentences = List.copyOf(sentences);
        if (citations.stream().anyMatch(number -> number < 1)) {
            throw new IllegalArgumentException("citations number sources from 1: " + citations);
        }
    }

    public AnswerOutcome(String text, boolean abstained, List<Integer> citations, List<SentenceSupport> sentences) {
        this(text, abstained, citations, sentences, null);
    }

    public static AnswerOutcome abstention() {
        return abstention(null);
    }

    public static AnswerOutcome abstention(Double evidence) {
        return new AnswerOutcome("", true, List.of(), List.of(), evidence);
    }

    /** One sentence of an answer and whether the cited sources support it. */
    public record SentenceSupport(String sentence, boolean supported) {
        public SentenceSupport {
            Objects.requireNonNull(sentence, "sentence");
        }
    }
}
