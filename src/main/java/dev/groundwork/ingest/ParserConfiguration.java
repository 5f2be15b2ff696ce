package dev.groundwork.ingest;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses where documents are parsed: in worker processes (the default) or inside the service. */
@Configuration(proxyBeanMethods = false)
class ParserConfiguration {

    /** A worker that has not loaded its parsers by then is taken as broken. */
    private static final Duration WORKER_START_TIMEOUT = Duration.ofSeconds(60);

    @Bean
    DocumentParser documentParser(IngestSettings ingest, ParseSettings parse) {
        ParseLimits limits = ParseLimits.of(ingest, parse);
        return switch (parse.isolation()) {
            case NONE -> new TikaDocumentParser(limits);
            case PROCESS -> {
                IsolatedDocumentParser isolated = new IsolatedDocumentParser(new ParseWorkerPool(
                        WorkerCommand.parseWorker(limits, parse.workerHeap()), parse.workers(),
                        parse.workerMaxDocuments(), WORKER_START_TIMEOUT), parse.timeout());
                yield parse.textInService()
                        ? new TextRoutingParser(TikaDocumentParser.plainTextOnly(limits, parse.timeout()), isolated) : isolated;
            }
        };
    }
}
