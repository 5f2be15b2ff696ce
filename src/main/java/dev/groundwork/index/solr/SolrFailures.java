package dev.groundwork.index.solr;

import dev.groundwork.index.IndexUnavailableException;
import dev.groundwork.index.StorageFullException;
import java.io.IOException;
import java.util.Locale;
import org.apache.solr.client.solrj.SolrServerException;

/** Runs a request to Solr; any failure of it is the index being unavailable (or full), never an empty result. */
final class SolrFailures {

    /** A request to Solr. */
    @FunctionalInterface
    interface SolrCall<T> {
        T call() throws SolrServerException, IOException;
    }

    private SolrFailures() {
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
