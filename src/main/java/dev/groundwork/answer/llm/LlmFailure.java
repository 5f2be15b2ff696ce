package dev.groundwork.answer.llm;

import dev.groundwork.answer.FallbackReason;

/** A call to the LLM that gave no usable answer, with the reason the response reports. */
final class LlmFailure extends Exception {

    private final FallbackReason reason;
    /** Whether a further try may help: only failures before the first token, of a kind that can pass. */
    private final boolean retryable;

    LlmFailure(FallbackReason reason, String detail, boolean retryable, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
        this.retryable = retryable;
    }

    LlmFailure(FallbackReason reason, String detail) {
        this(reason, detail, false, null);
    }

    FallbackReason reason() {
        return reason;
    }

    boolean retryable() {
        return retryable;
    }
}
