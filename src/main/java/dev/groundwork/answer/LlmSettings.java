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
 * Studio, OpenAI). Without a base URL there is no LLM and answers are extractive. The API key is never shown: not
 * by {@link #toString()}, not in logs, not by any endpoint; the base URL is shown without user info and query
 * ({@link #shownBaseUrl()}). A key is only sent in the clear to this machine: an {@code http://} URL to another
 * host with a key set stops the start.
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

    @AssertTrue(message = "api-key is set but base-url is plain http:// to another machine, which would send the key in the"
            + " clear; use https://, or a server on this machine (localhost, 127.0.0.1)")
    boolean isKeySentSafely() {
        if (apiKey == null || baseUrl == null) {
            return true;
        }
        try {
            URI uri = URI.create(baseUrl);
            return !"http".equals(uri.getScheme()) || isLoopback(uri.getHost());
        } catch (IllegalArgumentException e) {
            // isBaseUrlHttp says what is wrong with it
            return true;
        }
    }

    /** Loopback by name or literal, without a DNS lookup: a name that resolves to the loopback today may not tomorrow. */
    private static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")
                || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** The base URL as it may be shown (logs, health): without user info, query or fragment; null without an LLM. */
    public String shownBaseUrl() {
        if (baseUrl == null) {
            return null;
        }
        try {
            URI uri = URI.create(baseUrl);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return "(a base URL that is not a valid URL)";
        }
    }

    /** Text from the LLM's side (an error message) with the API key and the base URL's secrets taken out. */
    public String redacted(String text) {
        if (text == null) {
            return null;
        }
        String redacted = apiKey == null ? text : text.replace(apiKey, "[api-key]");
        return baseUrl == null || baseUrl.equals(shownBaseUrl()) ? redacted : redacted.replace(baseUrl, shownBaseUrl());
    }

    /** Every setting but the API key, which shows only whether it is set. */
    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + shownBaseUrl() + ", model=" + model + ", apiKey=" + (apiKey == null ? "unset" : "[set]")
                + ", temperature=" + temperature + ", maxTokens=" + maxTokens + ", connectTimeout=" + connectTimeout
                + ", firstTokenTimeout=" + firstTokenTimeout + ", answerTimeout=" + answerTimeout + ", retries=" + retries
                + ", retryBackoff=" + retryBackoff + ", circuitFailures=" + circuitFailures + ", circuitOpenFor="
                + circuitOpenFor + "]";
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
