package dev.groundwork.index;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code index} component of {@code /actuator/health}: open, and how much it holds. */
@Component
class IndexHealthIndicator implements HealthIndicator {

    private final ServingIndex<? extends ChunkStore> index;

    IndexHealthIndicator(ServingIndex<? extends ChunkStore> index) {
        this.index = index;
    }

    @Override
    public Health health() {
        try {
            IndexStats stats = index.use(ChunkStore::stats);
            return Health.up()
                    .withDetail("open", true)
                    .withDetail("documents", stats.documents())
                    .withDetail("chunks", stats.chunks())
                    .withDetail("directory", stats.directory())
                    .build();
        } catch (IndexUnavailableException e) {
            return Health.down(e).withDetail("open", false).build();
        }
    }
}
