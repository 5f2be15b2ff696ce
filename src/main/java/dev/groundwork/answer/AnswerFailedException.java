package dev.groundwork.answer;

import java.util.Objects;

/** An answerer could not write an answer (the language model failed); the reason says why, in stable words. */
public class AnswerFailedException extends RuntimeException {

    private final FallbackReason reason;

    public AnswerFailedException(FallbackReason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FallbackReason reason() {
        return reason;
    }
}
