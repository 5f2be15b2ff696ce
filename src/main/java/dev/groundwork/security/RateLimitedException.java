package dev.groundwork.security;

/** A caller past its allowance of questions or searches a minute: 429 {@code RATE_LIMITED}. */
public class RateLimitedException extends RuntimeException {

    private final long retryAfterSeconds;

    RateLimitedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until the caller may try again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
