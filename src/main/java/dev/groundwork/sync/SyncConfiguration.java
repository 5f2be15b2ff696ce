package dev.groundwork.sync;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The sync's threads: one that runs the runs, one at a time, and two that make the next documents (parse, split,
 * embed) while one is written. Named after the sync, so that what tells the sync's work apart by thread sees them
 * all as its own; Spring stops them with the application and reports them as {@code executor.*} metrics.
 */
@Configuration(proxyBeanMethods = false)
class SyncConfiguration {

    static final String RUNS = "syncRuns";
    static final String MAKERS = "syncMakers";
    /** Two keep parsing of one document going beside embedding of another, and the encoder busy on small ones. */
    private static final int MAKER_THREADS = 2;
    /** How long the application's stop waits for a run to finish its file. */
    private static final int STOP_WAIT_SECONDS = 60;

    /** The application's stop lets the run finish the file it is on (see FolderSync.stop), and waits for that. */
    @Bean(RUNS)
    ThreadPoolTaskExecutor syncRuns() {
        return threads("folder-sync-", 1, STOP_WAIT_SECONDS);
    }

    /**
     * Never interrupted (a parse worker or the encoder is not stopped half way), and not waited for: a stopped pass
     * drops what they make.
     */
    @Bean(MAKERS)
    ThreadPoolTaskExecutor syncMakers() {
        return threads("folder-sync-maker-", MAKER_THREADS, 0);
    }

    private static ThreadPoolTaskExecutor threads(String prefix, int count, int stopWaitSeconds) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(prefix);
        executor.setCorePoolSize(count);
        executor.setMaxPoolSize(count);
        executor.setDaemon(true);
        // shut down without an interrupt, after the context's lifecycle has stopped
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(stopWaitSeconds);
        return executor;
    }
}
