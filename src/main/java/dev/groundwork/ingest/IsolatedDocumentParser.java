package dev.groundwork.ingest;

import dev.groundwork.ingest.ParseProtocol.Parsed;
import dev.groundwork.ingest.ParseProtocol.Rejected;
import dev.groundwork.ingest.ParseProtocol.Reply;
import dev.groundwork.ingest.ParseProtocol.Request;
import dev.groundwork.ingest.ParseProtocol.Unpacked;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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
    private final OcrOptions ocr;

    IsolatedDocumentParser(ParseWorkerPool pool, Duration timeout) {
        this(pool, timeout, OcrOptions.OFF);
    }

    /** Parses with workers started to read scans as {@code ocr} says (the pool's command carries the same options). */
    IsolatedDocumentParser(ParseWorkerPool pool, Duration timeout, OcrOptions ocr) {
        this.pool = pool;
        this.timeout = timeout;
        this.ocr = ocr;
    }

    @Override
    public OcrOptions ocr() {
        return ocr;
    }

    @Override
    public ParsedFile read(Path file, String fileName) {
        Path absolute = file.toAbsolutePath();
        Reply reply = pool.parse(new Request(absolute, fileName), timeout);
        if (reply instanceof Unpacked unpacked) {
            return container(absolute, fileName, unpacked);
        }
        if (reply instanceof Rejected rejected) {
            throw refusal(fileName, rejected.reason(), rejected.message());
        }
        return ((Parsed) reply).document();
    }

    /**
     * A container, its answer put together over as many workers as it takes: a worker that ends while it reads a
     * member (killed at the time limit, out of memory, crashed) costs that member, which is refused for it, and a
     * fresh worker goes on after it.
     */
    private ParsedContainer container(Path file, String fileName, Unpacked first) {
        List<ContainerMember> members = new ArrayList<>();
        for (Unpacked unpacked = first; ; ) {
            unpacked.members().forEach(member -> members.add(worded(fileName, member)));
            if (unpacked.interrupted() == null) {
                requireContainerText(file, members);
                Refusal damage = unpacked.damage() == null ? null : worded(fileName, unpacked.damage());
                return new ParsedContainer(unpacked.contentType(), members, damage);
            }
            log.warn("A parse worker ended while it read {} in {}: {}", WorkerOutput.escape(unpacked.interrupted().name()),
                    WorkerOutput.escape(fileName), unpacked.interrupted().refusal().reason());
            members.add(unpacked.interrupted());
            Reply next = pool.parse(new Request(file, fileName, members.size()), timeout);
            if (next instanceof Rejected rejected) {
                throw refusal(fileName, rejected.reason(), rejected.message());
            }
            if (!(next instanceof Unpacked resumed)) {
                throw new RejectedDocumentException(Reason.MALFORMED, "The parser gave no usable answer for this file.");
            }
            unpacked = resumed;
        }
    }

    /** Each worker counts the text of the members it read; the container's text in all is counted here. */
    private void requireContainerText(Path file, List<ContainerMember> members) {
        long characters = members.stream().filter(ContainerMember.Read.class::isInstance)
                .map(member -> ((ContainerMember.Read) member).document())
                .flatMap(document -> document.pages().stream()).mapToLong(page -> page.text().length()).sum();
        long limit;
        try {
            limit = pool.limits().maxContainerCharacters(Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        if (characters > limit) {
            throw new RejectedDocumentException(Reason.EXPANDS_TOO_MUCH,
                    "The archive or mailbox holds more text than the limits allow.");
        }
    }

    private static ContainerMember worded(String fileName, ContainerMember member) {
        if (member instanceof ContainerMember.Refused refused) {
            return new ContainerMember.Refused(refused.name(), worded(fileName, refused.refusal()));
        }
        return member;
    }

    private static Refusal worded(String fileName, Refusal refusal) {
        RejectedDocumentException told = refusal(fileName, refusal.reason(), refusal.detail());
        return new Refusal(told.reason(), told.getMessage());
    }

    /** A worker's refusal in Groundwork's words: its own pass only if they read as such. */
    private static RejectedDocumentException refusal(String fileName, Reason reason, String message) {
        String detail = RejectionDetails.forClient(reason, message);
        if (!detail.equals(message)) {
            log.warn("A parse worker refused {} as {} in words of its own, not passed on: {}",
                    WorkerOutput.escape(fileName), reason, WorkerOutput.escape(message));
        }
        return new RejectedDocumentException(reason, detail);
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
