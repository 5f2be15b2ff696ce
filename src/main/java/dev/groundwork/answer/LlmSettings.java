package dev.groundwork.answer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenAI-compatible chat endpoint that writes answers (Ollama's {@code /v1}, vLLM, llama.cpp server, LM
 * Studio, OpenAI). Without a base URL there is no LLM and answers are extractive.
 *
 * @param baseUrl           e.g. {@code http://localhost:11434/v1}; blank for no LLM
 * @param model             the model name the server knows
 * @param apiKey            sent as a bearer token when set
 * @param temperature       sampling temperature; 0 keeps answers close to the sources
 * @param maxTokens         the most tokens of one answer
 * @param connectTimeout    to open a connection to the server
 * @param firstTokenTimeout from sending the question to the first token of the answer
 * @param answerTimeout     from sending the question to the end of the answer
 * @param retries           further tries when a call fails before its first token (never after)
 * @param retryBackoff      the wait before a further try
 * @param circuitFailures   failed calls in a row that open the circuit breaker
 * @param circuitOpenFor    how long an open breaker sends every question to the extractive answerer
 */
public record LlmSettings(
        String baseUrl,
        @DefaultValue("qwen2.5:1.5b-instruct") @NotBlank String model,
        String apiKey,
        @DefaultValue("0.0") @DecimalMin("0.0") @DecimalMax("2.0") double temperature,
        @DefaultValue("512") @Min(16) @Max(32768) int maxTokens,
        @DefaultValue("2s") @NotNull Duration connectTimeout,
        @DefaultValue("20s") @NotNull Duration firstTokenTimeout,
        @DefaultValue("120s") @NotNull Duration answerTimeout,
        @DefaultValue("1") @Min(0) @Max(5) int retries,
        @DefaultValue("500ms") @NotNull Duration retryBackoff,
        @DefaultValue("3") @Min(1) @Max(100) int circuitFailures,
        @DefaultValue("30s") @NotNull Duration circuitOpenFor) {

    public LlmSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    /** Whether an LLM is configured at all. */
    public boolean enabled() {
        return baseUrl != null;
    }

    @AssertTrue(message = "base-url must be an http:// or https:// URL")
    boolean isBaseUrlHttp() {
        if (baseUrl == null) {
            return true;
        }
        try {
            URI uri = URI.create(baseUrl);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @AssertTrue(message = "timeouts must be positive and first-token-timeout no longer than answer-timeout")
    boolean isTimeoutsConsistent() {
        return positive(connectTimeout) && positive(firstTokenTimeout) && positive(answerTimeout)
                && firstTokenTimeout.compareTo(answerTimeout) <= 0 && retryBackoff != null && !retryBackoff.isNegative()
                && positive(circuitOpenFor);
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
