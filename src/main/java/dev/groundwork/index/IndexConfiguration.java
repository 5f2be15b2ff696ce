package dev.groundwork.index;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Opens the one index of the application, in generations so that it can be rebuilt beside itself, and closes it on
 * shutdown. It is handed out as the serving index ({@link ServingIndex}) and as the generation lifecycle
 * ({@link IndexGenerations}). Where the application schedules tasks, searches are brought up to date with writes not
 * yet committed every {@code groundwork.index.refresh-interval}.
 */
@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    /** Refreshing more often than this costs more than the freshness is worth. */
    private static final Duration MIN_REFRESH = Duration.ofMillis(10);

    @Bean(destroyMethod = "close")
    GenerationalChunkIndex chunkIndex(IndexSettings settings) {
        return new GenerationalChunkIndex(settings);
    }

    @Bean
    SchedulingConfigurer indexRefresh(GenerationalChunkIndex index, IndexSettings settings) {
        Duration every = settings.refreshInterval().compareTo(MIN_REFRESH) < 0 ? MIN_REFRESH : settings.refreshInterval();
        return (ScheduledTaskRegistrar registrar) -> registrar.addFixedDelayTask(index::refresh, every);
    }
}
