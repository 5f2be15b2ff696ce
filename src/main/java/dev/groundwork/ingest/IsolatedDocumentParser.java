package dev.groundwork.ingest;

import dev.groundwork.ingest.ParseProtocol.Parsed;
import dev.groundwork.ingest.ParseProtocol.Rejected;
import dev.groundwork.ingest.ParseProtocol.Reply;
import dev.groundwork.ingest.ParseProtocol.Request;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Parses in worker processes ({@link ParseWorkerPool}): the service itself never runs a parser on an
 * untrusted file, so a file that exhausts memory, loops forever or crashes a parser costs one worker and
 * gets a refusal, while the service and the other uploads go on.
 */
final class IsolatedDocumentParser implements DocumentParser, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IsolatedDocumentParser.class);

    private final ParseWorkerPool pool;
    private final Duration timeout;
    private final String signature = TikaDocumentParser.currentSignature();

    IsolatedDocumentParser(ParseWorkerPool pool, Duration timeout) {
        this.pool = pool;
        this.timeout = timeout;
    }

    @Override
    public ParsedDocument parse(Path file, String fileName) {
        Reply reply = pool.parse(new Request(file.toAbsolutePath(), fileName), timeout);
        if (reply instanceof Rejected rejected) {
            String detail = RejectionDetails.forClient(rejected.reason(), rejected.message());
            if (!detail.equals(rejected.message())) {
                log.warn("A parse worker refused {} as {} in words of its own, not passed on: {}",
                        WorkerOutput.escape(fileName), rejected.reason(), WorkerOutput.escape(rejected.message()));
            }
            throw new RejectedDocumentException(rejected.reason(), detail);
        }
        return ((Parsed) reply).document();
    }

    @Override
    public String signature() {
        return signature;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        pool.warmUp();
    }

    @Override
    public void close() {
        pool.close();
    }
}
