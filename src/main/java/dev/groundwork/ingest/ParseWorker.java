package dev.groundwork.ingest;

import dev.groundwork.ingest.ParseProtocol.Request;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main class of a parse worker: a JVM of its own, started by the service with a small heap, that parses
 * one file at a time with {@link TikaDocumentParser} and answers over stdin/stdout ({@link ParseProtocol}).
 * An out-of-memory error ends the JVM ({@code -XX:+ExitOnOutOfMemoryError}) and the service starts another;
 * it exits by itself when the service goes away, even mid-parse.
 */
public final class ParseWorker {

    private static final Logger log = LoggerFactory.getLogger(ParseWorker.class);

    private ParseWorker() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // Replies go to the real stdout; anything a parser prints goes to stderr instead of into a reply.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        // before each page OCR reads, the service hears of it: its watchdog gives every page the time limit again
        TikaDocumentParser parser = new TikaDocumentParser(ParseLimits.fromArguments(List.of(args)),
                OcrOptions.fromArguments(List.of(args)), page -> ParseProtocol.writeOcrPage(out, page));
        SynchronousQueue<Request> requests = new SynchronousQueue<>();
        readRequests(in, requests);
        ParseProtocol.writeReady(out);
        while (true) {
            Request request = requests.take();
            try {
                ParsedFile read = parser.read(request.file(), request.fileName(), null, new Answering(out, request));
                if (read instanceof ParsedContainer container) {
                    ParseProtocol.writeContainerEnd(out, container.contentType(), container.damage());
                } else {
                    ParseProtocol.writeParsed(out, (ParsedDocument) read);
                }
            } catch (RejectedDocumentException e) {
                ParseProtocol.writeRejected(out, e.reason(), e.getMessage());
            } catch (RuntimeException e) {
                log.warn("A parser failed on {}: {}", WorkerOutput.escape(request.fileName()), ParseFailures.describe(e));
                ParseProtocol.writeRejected(out, Reason.MALFORMED, RejectionDetails.standard(Reason.MALFORMED));
            }
        }
    }

    /** Writes each member of a container to the service as soon as it is read. */
    private record Answering(DataOutputStream out, Request request) implements MemberSink {

        @Override
        public int skip() {
            return request.skipMembers();
        }

        @Override
        public void reading(String name) throws IOException {
            ParseProtocol.writeMemberReading(out, name);
        }

        @Override
        public void member(ContainerMember member) throws IOException {
            ParseProtocol.writeMember(out, member);
        }
    }

    /**
     * Reads requests on a thread of their own, so the end of stdin is seen even while a file is being parsed: a
     * worker must not outlive the service (kill -9 leaves no one to stop it), and in a sandbox with a process
     * namespace of its own it cannot watch the service's process, but its stdin ends with the service all the same.
     */
    private static void readRequests(DataInputStream in, SynchronousQueue<Request> requests) {
        Thread reader = new Thread(() -> {
            try {
                for (Request request = ParseProtocol.readRequest(in); request != null; request = ParseProtocol.readRequest(in)) {
                    requests.put(request);
                }
            } catch (IOException | InterruptedException e) {
                // a broken pipe or a garbled request: the service is gone or no longer to be trusted
            }
            Runtime.getRuntime().halt(0);
        }, "requests");
        reader.setDaemon(true);
        reader.start();
    }
}
