package dev.groundwork.retrieve;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads the BM25 half of searches runs on, beside the vector half: as many as searches at once. */
@Configuration(proxyBeanMethods = false)
class RetrievalConfiguration {

    static final String TEXT_SEARCHES = "textSearches";

    /** Idle ones end after a minute, and none keeps the JVM up. */
    @Bean(TEXT_SEARCHES)
    ThreadPoolTaskExecutor textSearches() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("text-search-");
        executor.setCorePoolSize(0);
        executor.setMaxPoolSize(Integer.MAX_VALUE);
        executor.setQueueCapacity(0);
        executor.setKeepAliveSeconds(60);
        executor.setDaemon(true);
        // a search still being answered while the application stops needs them; the stop does not wait for them
        executor.setAcceptTasksAfterContextClose(true);
        // the caller's observation (its text search is a child stage of its retrieval) and request id go along
        executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
        return executor;
    }
}
