package dev.groundwork.index.solr;

import dev.groundwork.index.IndexUnavailableException;
import dev.groundwork.index.StorageFullException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.apache.solr.client.solrj.SolrServerException;

/** Runs a request to Solr; any failure of it is the index being unavailable (or full), never an empty result. */
final class SolrFailures {

    /** A request to Solr. */
    @FunctionalInterface
    interface SolrCall<T> {
        T call() throws SolrServerException, IOException;
    }

    /** How often a read is tried, and the pause before the second try (doubled before the third). */
    static final int READ_ATTEMPTS = 3;
    static final Duration FIRST_PAUSE = Duration.ofMillis(250);

    private SolrFailures() {
    }

    /**
     * Runs a read (a search, a real-time get), asking again twice when it fails. A Solr node that dies while it
     * answers breaks the response it was sending, which SolrJ does not ask another replica for; a moment later the
     * same read is answered by a live replica. Reads change nothing, so asking again is safe; writes are never
     * repeated here.
     */
    static <T> T read(String what, SolrCall<T> call) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                return call(what, call);
            } catch (IndexUnavailableException e) {
                if (attempt == READ_ATTEMPTS || !sleep(pause)) {
                    throw e;
                }
                pause = pause.multipliedBy(2);
            }
        }
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static <T> T call(String what, SolrCall<T> call) {
        try {
            return call.call();
        } catch (IndexUnavailableException e) {
            throw e;
        } catch (SolrServerException | IOException | RuntimeException e) {
            throw failure(what, e);
        }
    }

    static RuntimeException failure(String what, Exception e) {
        String message = "Solr cannot " + what + ": " + e.getMessage();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String text = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (text.contains("no space left on device") || text.contains("disk quota exceeded")) {
                return new StorageFullException(message, e);
            }
        }
        return new IndexUnavailableException(message, e);
    }
}
