package dev.groundwork.ingest;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.time.Duration;

/**
 * When a parse must be over. A worker is killed by the service's watchdog at its time limit; a parse in the service
 * itself cannot be killed, so it asks its deadline as it goes (every line of text, every part of the reading) and
 * stops with the same reason, {@code TIMEOUT}, and the same words.
 */
final class ParseDeadline {

    /** No deadline: for trusted text only (the evaluation's passages). */
    static final ParseDeadline NONE = new ParseDeadline(null);

    private final Duration timeout;
    private final long endNanos;

    private ParseDeadline(Duration timeout) {
        this.timeout = timeout;
        this.endNanos = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    }

    /** A deadline {@code timeout} from now. */
    static ParseDeadline after(Duration timeout) {
        return new ParseDeadline(timeout);
    }

    /** Throws once the deadline has passed. */
    void check() throws ParseLimitException {
        if (timeout != null && System.nanoTime() - endNanos > 0) {
            throw new ParseLimitException(Reason.TIMEOUT, exceeded(timeout));
        }
    }

    /** What a client is told when a document was still being read at the time limit, wherever it was read. */
    static String exceeded(Duration timeout) {
        String limit = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        return "The document was still being read after " + limit + ", the time limit.";
    }
}
