package dev.groundwork.index.solr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.index.IndexUnavailableException;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.SolrServerException;
import org.junit.jupiter.api.Test;

/** Reads asked again when Solr fails them; the fault tests show why (a node killed mid-answer). */
class SolrFailuresTests {

    @Test
    void aReadThatFailsOnceIsAnsweredByTheNextTry() {
        AtomicInteger tries = new AtomicInteger();

        String answer = SolrFailures.read("search", () -> {
            if (tries.incrementAndGet() == 1) {
                throw new SolrServerException("parsing error", new IOException("stream reset"));
            }
            return "hits";
        });

        assertThat(answer).isEqualTo("hits");
        assertThat(tries).hasValue(2);
    }

    @Test
    void aReadThatKeepsFailingIsTheIndexUnavailableAfterThreeTries() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> SolrFailures.read("search in c1", () -> {
            tries.incrementAndGet();
            throw new IOException("Could not find a healthy node to handle the request.");
        })).isInstanceOf(IndexUnavailableException.class)
                .hasMessage("Solr cannot search in c1: Could not find a healthy node to handle the request.");
        assertThat(tries).hasValue(SolrFailures.READ_ATTEMPTS);
    }

    @Test
    void aWriteIsNeverRepeated() {
        AtomicInteger tries = new AtomicInteger();

        assertThatThrownBy(() -> SolrFailures.call("write", () -> {
            tries.incrementAndGet();
            throw new IOException("connection reset");
        })).isInstanceOf(IndexUnavailableException.class);
        assertThat(tries).hasValue(1);
    }
}
