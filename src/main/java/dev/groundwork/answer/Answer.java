package dev.groundwork.answer;

import java.util.List;
import java.util.Objects;

/**
 * A checked answer.
 *
 * @param text             the answer with its valid [n] markers; invalid ones are removed
 * @param citations        the sources the answer cites, each once, by number
 * @param sentences        each sentence with its citations and support
 * @param mode             who wrote it
 * @param abstained        true when the documents do not hold the answer (or there are none): text is then the
 *                         no-answer or no-documents text
 * @param fallbackReason   why the LLM answer was replaced by the extractive one, or null
 * @param invalidCitations markers that pointed at no given source, removed from the text
 * @param sources          every numbered source the answerer was given
 * @param evidence         how well the best source sentence answers the question (what abstention weighs against
 *                         the evidence threshold), or null when there was nothing to search
 */
public record Answer(String text, List<Source> citations, List<AnswerSentence> sentences, Mode mode,
                     boolean abstained, FallbackReason fallbackReason, List<Integer> invalidCitations,
                     List<Source> sources, Timings timings, Double evidence) {

    public Answer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(timings, "timings");
        citations = List.copyOf(citations);
        sentences = List.copyOf(sentences);
        invalidCitations = List.copyOf(invalidCitations);
        sources = List.copyOf(sources);
    }
}
