package dev.groundwork.answer;

/** Why an LLM answer was replaced by the extractive one. Stable names: clients may switch on them. */
public enum FallbackReason {
    /** The server could not be reached (connection refused, unknown host, connect timeout). */
    LLM_UNREACHABLE,
    /** The server answered with a 5xx status. */
    LLM_SERVER_ERROR,
    /** The server answered 429 Too Many Requests. */
    LLM_RATE_LIMITED,
    /** The server refused the request with another 4xx status (a wrong model name or API key). */
    LLM_REJECTED,
    /** The reply was not the JSON an OpenAI-compatible server sends, or held no answer text. */
    LLM_MALFORMED_REPLY,
    /** No token came within the first-token timeout. */
    LLM_FIRST_TOKEN_TIMEOUT,
    /** The answer did not end within the answer timeout. */
    LLM_ANSWER_TIMEOUT,
    /** The stream broke off before the answer was finished. */
    LLM_STREAM_DROPPED,
    /** The circuit breaker is open after repeated failures: the LLM was not called. */
    LLM_CIRCUIT_OPEN
}
