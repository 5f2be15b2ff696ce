package dev.groundwork.answer;

import java.util.Objects;

/** The two messages sent to the LLM: the rules, and the question with its numbered sources. */
record GroundedPrompt(String system, String user) {

    GroundedPrompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
    }
}
