package dev.groundwork.answer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Without a language model, answers are the extractive ones ({@link ExtractiveAnswerer}, the only {@link Answerer}),
 * and the {@code llm} component of {@code /actuator/health} says so. With one, {@code answer.llm} adds its answerer,
 * the one that falls back from it, and its own health.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LlmConfigured.Not.class)
class AnswerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnswerConfiguration.class);

    @Bean
    HealthIndicator llmHealthIndicator() {
        log.info("No LLM configured (groundwork.llm.base-url): answers are extractive");
        return () -> Health.up().withDetail("configured", false).withDetail("mode", "extractive").build();
    }
}
