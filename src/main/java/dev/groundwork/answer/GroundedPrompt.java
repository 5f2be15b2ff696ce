package dev.groundwork.answer;

import java.util.Objects;

/** The two messages sent to the LLM: the rules, and the question with its numbered sources. */
public record GroundedPrompt(String system, String user) {

    public GroundedPrompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
    }
}
