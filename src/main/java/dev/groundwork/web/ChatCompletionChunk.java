package dev.groundwork.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One event of a streamed chat completion, in OpenAI's chunk shape; the last one carries the grounding. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatCompletionChunk(String id, String object, long created, String model, List<Choice> choices,
                           ChatCompletion.Grounding groundwork) {

    record Choice(int index, Delta delta, @JsonProperty("finish_reason") @JsonInclude(JsonInclude.Include.ALWAYS)
                  String finishReason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content) {
    }

    static ChatCompletionChunk of(String id, long created, Delta delta, String finishReason,
                                  ChatCompletion.Grounding grounding) {
        return new ChatCompletionChunk(id, "chat.completion.chunk", created, ChatCompletion.MODEL,
                List.of(new Choice(0, delta, finishReason)), grounding);
    }
}
