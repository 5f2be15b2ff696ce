package dev.groundwork.embed;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Shows which encoder answers, as the {@code encoder} component of {@code /actuator/health}. */
@Component
class EncoderHealthIndicator implements HealthIndicator {

    private final Encoder encoder;

    EncoderHealthIndicator(Encoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("model", encoder.modelId())
                .withDetail("dimension", encoder.dimension())
                .withDetail("maxTokens", encoder.maxTokens())
                .build();
    }
}
