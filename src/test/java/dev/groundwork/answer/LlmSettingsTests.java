package dev.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LlmSettingsTests {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private static LlmSettings settings(String baseUrl, Duration firstToken, Duration answer) {
        return new LlmSettings(baseUrl, "m", " ", 0.0, 512, Duration.ofSeconds(2), firstToken, answer, 1,
                Duration.ofMillis(500), 3, Duration.ofSeconds(30));
    }

    private static LlmSettings withKey(String baseUrl, String apiKey) {
        return new LlmSettings(baseUrl, "m", apiKey, 0.0, 512, Duration.ofSeconds(2), Duration.ofSeconds(20),
                Duration.ofSeconds(120), 1, Duration.ofMillis(500), 3, Duration.ofSeconds(30));
    }

    private static Set<String> problems(LlmSettings settings) {
        return VALIDATOR.validate(settings).stream().map(ConstraintViolation::getMessage)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aBlankBaseUrlMeansNoLlm() {
        LlmSettings settings = settings("  ", Duration.ofSeconds(20), Duration.ofSeconds(120));

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.apiKey()).isNull();
        assertThat(problems(settings)).isEmpty();
    }

    @Test
    void anHttpBaseUrlEnablesTheLlm() {
        LlmSettings settings = settings("http://ollama:11434/v1", Duration.ofSeconds(20), Duration.ofSeconds(120));

        assertThat(settings.enabled()).isTrue();
        assertThat(problems(settings)).isEmpty();
    }

    @Test
    void aBaseUrlThatIsNotHttpIsRefused() {
        assertThat(problems(settings("ollama:11434", Duration.ofSeconds(20), Duration.ofSeconds(120))))
                .contains("base-url must be an http:// or https:// URL");
    }

    @Test
    void aFirstTokenTimeoutLongerThanTheAnswerTimeoutIsRefused() {
        assertThat(problems(settings("http://localhost:8000/v1", Duration.ofSeconds(30), Duration.ofSeconds(10))))
                .contains("timeouts must be positive and first-token-timeout no longer than answer-timeout");
    }

    @Test
    void theApiKeyIsNeverInToString() {
        LlmSettings settings = withKey("https://api.example.com/v1", "sk-very-secret-123");

        assertThat(settings.toString()).doesNotContain("sk-very-secret-123").contains("apiKey=[set]")
                .contains("model=m");
    }

    @Test
    void theShownBaseUrlHasNoUserInfoQueryOrFragment() {
        LlmSettings settings = withKey("https://bob:hunter2@llm.example.com:8443/v1?api_key=abc#x", null);

        assertThat(settings.shownBaseUrl()).isEqualTo("https://llm.example.com:8443/v1");
        assertThat(settings.toString()).doesNotContain("hunter2").doesNotContain("api_key=abc");
    }

    @Test
    void messagesFromTheServerLoseTheKeyAndTheUrlsSecrets() {
        LlmSettings settings = withKey("https://bob:hunter2@llm.example.com/v1", "sk-very-secret-123");

        assertThat(settings.redacted("401 for sk-very-secret-123 at https://bob:hunter2@llm.example.com/v1"))
                .isEqualTo("401 for [api-key] at https://llm.example.com/v1");
    }

    @Test
    void aKeyIsOnlySentInTheClearToThisMachine() {
        String refusal = "api-key is set but base-url is plain http:// to another machine, which would send the key in"
                + " the clear; use https://, or a server on this machine (localhost, 127.0.0.1)";

        assertThat(problems(withKey("http://llm.example.com:8000/v1", "sk-1"))).contains(refusal);
        assertThat(problems(withKey("http://10.0.0.5:8000/v1", "sk-1"))).contains(refusal);
        assertThat(problems(withKey("https://llm.example.com/v1", "sk-1"))).isEmpty();
        assertThat(problems(withKey("http://localhost:8000/v1", "sk-1"))).isEmpty();
        assertThat(problems(withKey("http://127.0.0.1:8000/v1", "sk-1"))).isEmpty();
        assertThat(problems(withKey("http://[::1]:8000/v1", "sk-1"))).isEmpty();
        assertThat(problems(withKey("http://llm.example.com:8000/v1", null))).isEmpty();
    }
}
