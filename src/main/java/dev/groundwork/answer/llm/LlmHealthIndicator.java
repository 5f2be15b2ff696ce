package dev.groundwork.answer.llm;

import dev.groundwork.answer.LlmSettings;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code llm} component of {@code /actuator/health}: which LLM answers and the state of its circuit breaker.
 * An open breaker shows as DEGRADED, not DOWN: the service still answers, extractively, and stays ready.
 */
class LlmHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "The LLM failed repeatedly; answers are extractive for now");

    private final LlmSettings settings;
    private final CircuitBreaker breaker;

    LlmHealthIndicator(LlmSettings settings, CircuitBreaker breaker) {
        this.settings = settings;
        this.breaker = breaker;
    }

    @Override
    public Health health() {
        CircuitBreaker.Snapshot snapshot = breaker.snapshot();
        Health.Builder health = snapshot.state() == CircuitBreaker.State.OPEN ? Health.status(DEGRADED) : Health.up();
        health.withDetail("configured", true)
                .withDetail("mode", "llm")
                .withDetail("baseUrl", settings.shownBaseUrl())
                .withDetail("model", settings.model())
                .withDetail("circuit", snapshot.state().name())
                .withDetail("failuresInARow", snapshot.failuresInARow());
        if (snapshot.openUntil() != null) {
            health.withDetail("openUntil", snapshot.openUntil().toString());
        }
        if (snapshot.lastFailure() != null) {
            health.withDetail("lastFailure", snapshot.lastFailure());
        }
        return health.build();
    }
}
