package dev.groundwork.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.groundwork.answer.Answer;
import dev.groundwork.answer.AnswerSentence;
import dev.groundwork.answer.FallbackReason;
import java.util.List;

/**
 * The reply to a question, and the {@code done} event of a stream.
 *
 * @param mode             {@code extractive} or {@code llm}
 * @param fallbackReason   why the LLM answer was replaced by the extractive one; absent when it was not
 * @param invalidCitations markers that pointed at no given source, removed from the answer
 */
record AskResponse(String answer, List<CitationView> citations, List<AnswerSentence> sentences, String mode,
                   boolean abstained, @JsonInclude(JsonInclude.Include.NON_NULL) FallbackReason fallbackReason,
                   List<Integer> invalidCitations, TimingsView timings) {

    /** Milliseconds spent finding the chunks, and on everything after (of which the checks took checkMs). */
    record TimingsView(long retrievalMs, long generationMs, long checkMs) {
    }

    static AskResponse of(Answer answer) {
        return new AskResponse(answer.text(), answer.citations().stream().map(CitationView::of).toList(),
                answer.sentences(), answer.mode().name().toLowerCase(), answer.abstained(), answer.fallbackReason(),
                answer.invalidCitations(), new TimingsView(answer.timings().retrievalMs(),
                answer.timings().generationMs(), answer.timings().checkMs()));
    }
}
