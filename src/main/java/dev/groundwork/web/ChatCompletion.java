package dev.groundwork.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groundwork.answer.Answer;
import dev.groundwork.answer.FallbackReason;
import dev.groundwork.answer.PreparedQuestion;
import java.util.List;

/**
 * The reply of {@code POST /v1/chat/completions} in OpenAI's shape: one choice whose message is the answer, with its
 * {@code [n]} markers. What a client of OpenAI's does not know is in {@code groundwork}, which they ignore.
 */
record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Grounding groundwork) {

    static final String MODEL = "groundwork";

    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {
    }

    record Message(String role, String content) {
    }

    /**
     * The grounding of an answer: its citations (numbered as its markers), what was searched for, and how it was made.
     *
     * @param answer the checked answer; in a stream, the text streamed may differ from it (markers that pointed at no
     *               source are removed here)
     */
    record Grounding(String searchedFor, List<CitationView> citations, String mode, boolean abstained,
                     @JsonInclude(JsonInclude.Include.NON_NULL) FallbackReason fallbackReason,
                     List<Integer> invalidCitations, @JsonInclude(JsonInclude.Include.NON_NULL) String answer) {

        static Grounding of(PreparedQuestion question, Answer answer, boolean withText) {
            return new Grounding(question.text(), answer.citations().stream().map(CitationView::of).toList(),
                    answer.mode().name().toLowerCase(), answer.abstained(), answer.fallbackReason(),
                    answer.invalidCitations(), withText ? answer.text() : null);
        }
    }

    static ChatCompletion of(String id, long created, PreparedQuestion question, Answer answer) {
        return new ChatCompletion(id, "chat.completion", created, MODEL,
                List.of(new Choice(0, new Message("assistant", answer.text()), "stop")),
                Grounding.of(question, answer, false));
    }
}
