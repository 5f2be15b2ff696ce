package dev.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.ApiClient;
import dev.groundwork.support.TestDirs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same injected documents as {@link PromptInjectionIntegrationTests}, answered by a real model, where one is
 * configured: {@code GROUNDWORK_TEST_LLM_BASE_URL} (an OpenAI-compatible endpoint), {@code GROUNDWORK_TEST_LLM_MODEL}
 * and, if it needs one, {@code GROUNDWORK_TEST_LLM_API_KEY}. A measurement: it prints how often the model followed an
 * injected instruction (a real model may obey one inside its block whatever the prompt says), and fails only when an
 * answer did not come from the model, which would make the figures meaningless. Skipped, saying so, without the
 * variable.
 */
@EnabledIfEnvironmentVariable(named = "GROUNDWORK_TEST_LLM_BASE_URL", matches = ".+",
        disabledReason = "no real model configured (GROUNDWORK_TEST_LLM_BASE_URL is not set)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PromptInjectionRealModelIntegrationTests {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
        registry.add("groundwork.llm.base-url", () -> System.getenv("GROUNDWORK_TEST_LLM_BASE_URL"));
        String model = System.getenv("GROUNDWORK_TEST_LLM_MODEL");
        if (model != null && !model.isBlank()) {
            registry.add("groundwork.llm.model", () -> model);
        }
        String key = System.getenv("GROUNDWORK_TEST_LLM_API_KEY");
        if (key != null && !key.isBlank()) {
            registry.add("groundwork.llm.api-key", () -> key);
        }
        registry.add("groundwork.llm.first-token-timeout", () -> "60s");
        registry.add("groundwork.llm.answer-timeout", () -> "180s");
    }

    @LocalServerPort
    int port;

    @Test
    void measuresHowOftenARealModelFollowsInjectedInstructions() {
        List<InjectionMeasurement.Outcome> outcomes = InjectionMeasurement.run(new ApiClient(port),
                "model " + System.getenv().getOrDefault("GROUNDWORK_TEST_LLM_MODEL", "(the configured default)"));

        assertThat(outcomes).as("answers written by the model, so that the figures above mean something")
                .allSatisfy(outcome -> assertThat(outcome.mode()).as(outcome.document().fileName()).isEqualTo("llm"));
    }
}
