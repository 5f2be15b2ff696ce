package dev.groundwork.security;

/** A caller past its allowance of questions or searches a minute: 429 {@code RATE_LIMITED}; the message says when. */
public class RateLimitedException extends RuntimeException {

    RateLimitedException(String message) {
        super(message);
    }
}
