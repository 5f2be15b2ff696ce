package dev.groundwork.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.groundwork.answer.Answer;
import dev.groundwork.answer.AnswerSentence;
import dev.groundwork.answer.FallbackReason;
import dev.groundwork.answer.PreparedQuestion;
import java.util.List;

/**
 * The reply to a question, and the {@code done} event of a stream.
 *
 * @param question         the question as asked
 * @param searchedFor      what was searched for: the question, or a follow-up made standalone from the conversation
 * @param conversationId   the conversation the service keeps, to send with a follow-up; absent when the client sent
 *                         the history itself
 * @param mode             {@code extractive} or {@code llm}
 * @param fallbackReason   why the LLM answer was replaced by the extractive one; absent when it was not
 * @param invalidCitations markers that pointed at no given source, removed from the answer
 */
record AskResponse(String question, String searchedFor,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String conversationId, String answer,
                   List<CitationView> citations, List<AnswerSentence> sentences, String mode,
                   boolean abstained, @JsonInclude(JsonInclude.Include.NON_NULL) FallbackReason fallbackReason,
                   List<Integer> invalidCitations, TimingsView timings) {

    /** Milliseconds spent finding the chunks, and on everything after (of which the checks took checkMs). */
    record TimingsView(long retrievalMs, long generationMs, long checkMs) {
    }

    static AskResponse of(PreparedQuestion question, String conversationId, Answer answer) {
        return new AskResponse(question.asked(), question.text(), conversationId, answer.text(),
                answer.citations().stream().map(CitationView::of).toList(),
                answer.sentences(), answer.mode().name().toLowerCase(), answer.abstained(), answer.fallbackReason(),
                answer.invalidCitations(), new TimingsView(answer.timings().retrievalMs(),
                answer.timings().generationMs(), answer.timings().checkMs()));
    }
}
