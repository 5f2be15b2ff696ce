package dev.groundwork.ingest;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Chooses where documents are parsed: in worker processes (the default) or inside the service; and the threads that
 * watch the workers (a kill at the time limit) and start them in the background.
 */
@Configuration(proxyBeanMethods = false)
class ParserConfiguration {

    static final String WATCHDOG = "parseWatchdog";
    /** A worker that has not loaded its parsers by then is taken as broken. */
    private static final Duration WORKER_START_TIMEOUT = Duration.ofSeconds(60);

    /** Two: a start of workers in the background never holds up a kill. */
    @Bean(WATCHDOG)
    ThreadPoolTaskScheduler parseWatchdog() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("parse-watchdog-");
        scheduler.setPoolSize(2);
        scheduler.setDaemon(true);
        return scheduler;
    }

    @Bean
    DocumentParser documentParser(IngestSettings ingest, ParseSettings parse,
                                  @Qualifier(WATCHDOG) ThreadPoolTaskScheduler parseWatchdog) {
        ParseLimits limits = ParseLimits.of(ingest, parse);
        return switch (parse.isolation()) {
            case NONE -> new TikaDocumentParser(limits);
            case PROCESS -> {
                IsolatedDocumentParser isolated = new IsolatedDocumentParser(new ParseWorkerPool(
                        WorkerCommand.parseWorker(limits, parse.workerHeap()), parse.workers(),
                        parse.workerMaxDocuments(), WORKER_START_TIMEOUT, parseWatchdog.getScheduledExecutor()),
                        parse.timeout());
                yield parse.textInService()
                        ? new TextRoutingParser(TikaDocumentParser.plainTextOnly(limits), isolated) : isolated;
            }
        };
    }
}
