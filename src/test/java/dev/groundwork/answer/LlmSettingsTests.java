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
}
