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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The main class of a parse worker: a JVM of its own, started by the service with a small heap, that parses
 * one file at a time with {@link TikaDocumentParser} and answers over stdin/stdout ({@link ParseProtocol}).
 * An out-of-memory error ends the JVM ({@code -XX:+ExitOnOutOfMemoryError}) and the service starts another;
 * it exits by itself when the service goes away, even mid-parse.
 */
public final class ParseWorker {

    static final String PARENT_PID = "parent-pid=";

    private ParseWorker() {
    }

    public static void main(String[] args) throws IOException {
        // Replies go to the real stdout; anything a parser prints goes to stderr instead of into a reply.
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
        System.setOut(System.err);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in, 1 << 16));
        List<String> limitArguments = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith(PARENT_PID)) {
                exitWhenGone(Long.parseLong(arg.substring(PARENT_PID.length())));
            } else {
                limitArguments.add(arg);
            }
        }
        TikaDocumentParser parser = new TikaDocumentParser(ParseLimits.fromArguments(limitArguments));
        ParseProtocol.writeReady(out);
        for (Request request = ParseProtocol.readRequest(in); request != null; request = ParseProtocol.readRequest(in)) {
            try {
                ParseProtocol.writeParsed(out, parser.parse(request.file(), request.fileName()));
            } catch (RejectedDocumentException e) {
                ParseProtocol.writeRejected(out, e.reason(), e.getMessage());
            } catch (RuntimeException e) {
                ParseProtocol.writeRejected(out, Reason.MALFORMED, "The file could not be read: " + ParseFailures.rootMessage(e));
            }
        }
    }

    /** A worker must not outlive the service (kill -9 leaves no one to close its stdin while it parses). */
    private static void exitWhenGone(long parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        Thread watcher = new Thread(() -> {
            while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    TimeUnit.MILLISECONDS.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(0);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
