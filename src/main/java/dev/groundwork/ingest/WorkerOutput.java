package dev.groundwork.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a parse worker writes on its stderr (its warnings, the JVM's messages, bubblewrap's), passed to the service's
 * log a line at a time, each line escaped and marked as the worker's: a worker, which reads hostile files, can neither
 * forge a log line of the service nor hide one, nor fill the log without end.
 */
final class WorkerOutput {

    private static final Logger log = LoggerFactory.getLogger(WorkerOutput.class);
    /** A longer line is logged in pieces of this many bytes. */
    static final int MAX_LINE_BYTES = 8 << 10;
    /** What one worker may put in the log; the rest is read and dropped, so the worker never blocks on it. */
    static final long MAX_BYTES = 4 << 20;

    private WorkerOutput() {
    }

    /** Logs the worker's stderr on a thread of its own, until the worker closes it. */
    static void follow(InputStream stderr, long pid) {
        Thread thread = new Thread(() -> copy(stderr, pid), "parse-worker-" + pid + "-stderr");
        thread.setDaemon(true);
        thread.start();
    }

    private static void copy(InputStream stderr, long pid) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long logged = 0;
        byte[] buffer = new byte[8192];
        try (stderr) {
            for (int read = stderr.read(buffer); read >= 0; read = stderr.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    boolean end = buffer[i] == '\n';
                    if (!end) {
                        line.write(buffer[i]);
                    }
                    if (end || line.size() >= MAX_LINE_BYTES) {
                        logged = emit(line, pid, logged);
                    }
                }
            }
        } catch (IOException e) {
            // the worker is gone
        }
        if (line.size() > 0) {
            emit(line, pid, logged);
        }
    }

    private static long emit(ByteArrayOutputStream line, long pid, long logged) {
        long total = logged + line.size() + 1;
        if (total <= MAX_BYTES) {
            log.warn("[parse-worker {}] {}", pid, escape(line.toString(StandardCharsets.UTF_8)));
        } else if (logged <= MAX_BYTES) {
            log.warn("[parse-worker {}] more than {} bytes of output; the rest is not logged", pid, MAX_BYTES);
        }
        line.reset();
        return total;
    }

    /**
     * The text on one line, with every control character (CR and LF among them, and the escape that starts terminal
     * sequences) and every format character (bidirectional overrides) written as an escape, and the backslash
     * doubled, so that an escape in the log always stands for a character the worker wrote.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
