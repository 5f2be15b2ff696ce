package dev.groundwork.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(ParserConfiguration.class);
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
        // a parse still going on while the application stops needs its kill timer; and the stop does not wait for
        // workers still starting in the background
        scheduler.setAcceptTasksAfterContextClose(true);
        return scheduler;
    }

    /** Whether the tesseract binary is there, looked for once. */
    @Bean
    OcrAvailability ocrAvailability(ParseSettings parse) {
        return OcrAvailability.detect(parse);
    }

    @Bean
    DocumentParser documentParser(IngestSettings ingest, ParseSettings parse, OcrAvailability ocr,
                                  @Qualifier(WATCHDOG) ThreadPoolTaskScheduler parseWatchdog, MeterRegistry meters) {
        ParseLimits limits = ParseLimits.of(ingest, parse);
        return switch (parse.isolation()) {
            case NONE -> new TikaDocumentParser(limits, ocr.options(), OcrReader.Progress.NONE);
            case PROCESS -> {
                ParseWorkerPool pool = new ParseWorkerPool(
                        WorkerCommand.parseWorker(limits, ocr.options(), parse.workerHeap(), sandbox(parse.sandbox())),
                        limits, parse.workers(), parse.workerMaxDocuments(), WORKER_START_TIMEOUT,
                        parseWatchdog.getScheduledExecutor());
                pool.bindTo(meters);
                IsolatedDocumentParser isolated = new IsolatedDocumentParser(pool, parse.timeout(), ocr.options());
                yield parse.textInService()
                        ? new TextRoutingParser(TikaDocumentParser.plainTextOnly(limits, parse.timeout()), isolated) : isolated;
            }
        };
    }

    /** The sandbox the settings ask for, where the machine has it; says at start-up which one workers run in. */
    static WorkerSandbox sandbox(ParseSettings.Sandbox setting) {
        return sandbox(setting, setting == ParseSettings.Sandbox.NONE ? null : Bubblewrap.detect());
    }

    static WorkerSandbox sandbox(ParseSettings.Sandbox setting, Bubblewrap.Availability bubblewrap) {
        if (setting == ParseSettings.Sandbox.NONE) {
            log.info("Parse workers run without a sandbox (groundwork.parse.sandbox: none)");
            return WorkerSandbox.NONE;
        }
        if (bubblewrap.sandbox().isPresent()) {
            log.info("Parse workers run in {}: no network, no files but their input", bubblewrap.sandbox().get());
            return bubblewrap.sandbox().get();
        }
        if (setting == ParseSettings.Sandbox.BUBBLEWRAP) {
            throw new IllegalStateException("groundwork.parse.sandbox is bubblewrap, but " + bubblewrap.reason());
        }
        log.warn("Parse workers run without a sandbox: {}. They see the service's files and network, never its "
                + "environment (groundwork.parse.sandbox: auto)", bubblewrap.reason());
        return WorkerSandbox.NONE;
    }
}
