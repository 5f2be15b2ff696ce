package dev.groundwork.index;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The embedded index ({@code groundwork.index.backend=lucene}, the default; SolrCloud's is in {@code index.solr}).
 * Opens the one index of the application, in generations so that it can be rebuilt beside itself, and closes it on
 * shutdown. It is handed out as the serving index ({@link ServingIndex}) and as the generation lifecycle
 * ({@link IndexGenerations}). Where the application schedules tasks, searches are brought up to date with writes not
 * yet committed every {@code groundwork.index.refresh-interval}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "groundwork.index", name = "backend", havingValue = "lucene", matchIfMissing = true)
class IndexConfiguration {

    /** Refreshing more often than this costs more than the freshness is worth. */
    private static final Duration MIN_REFRESH = Duration.ofMillis(10);

    @Bean(destroyMethod = "close")
    GenerationalChunkIndex chunkIndex(IndexSettings settings) {
        return new GenerationalChunkIndex(settings);
    }

    /** An embedded index has one node, which runs the sync. */
    @Bean
    Leadership leadership(IndexSettings settings) {
        return new SoleNode(NodeNames.of(settings.solr().nodeName()));
    }

    @Bean
    SchedulingConfigurer indexRefresh(GenerationalChunkIndex index, IndexSettings settings) {
        Duration every = settings.refreshInterval().compareTo(MIN_REFRESH) < 0 ? MIN_REFRESH : settings.refreshInterval();
        return (ScheduledTaskRegistrar registrar) -> registrar.addFixedDelayTask(index::refresh, every);
    }
}
