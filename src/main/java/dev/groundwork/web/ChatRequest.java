package dev.groundwork.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A request to {@code POST /v1/chat/completions}, as OpenAI's clients send it. Only what Groundwork uses is read;
 * sampling settings, tools and the rest are ignored.
 *
 * @param model    {@code groundwork}; null is taken for it
 * @param messages the conversation; the last one is the user's question
 * @param stream   true for Server-Sent Events in OpenAI's chunk format
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatRequest(String model, List<Message> messages, Boolean stream) {

    /**
     * One message: {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}; its content is
     * a string or a list of parts, of which the text parts are read.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String role, JsonNode content) {

        /** The message's text: the string, or its text parts joined by newlines. */
        String text() {
            if (content == null || content.isNull()) {
                return "";
            }
            if (content.isString()) {
                return content.asString();
            }
            StringBuilder text = new StringBuilder();
            if (content.isArray()) {
                for (JsonNode part : content.values()) {
                    if ("text".equals(part.path("type").asString()) && part.path("text").isString()) {
                        text.append(text.isEmpty() ? "" : "\n").append(part.path("text").asString());
                    }
                }
            }
            return text.toString();
        }
    }
}
