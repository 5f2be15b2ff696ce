package dev.groundwork.index.solr;

import static dev.groundwork.index.IndexFixtures.chunk;
import static dev.groundwork.index.IndexFixtures.document;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.index.ChunkFilter;
import dev.groundwork.index.ChunkHit;
import dev.groundwork.index.EmbeddedChunk;
import dev.groundwork.index.IndexSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Groundwork nodes (each with a client of its own) replace the same document over and over, each with a version of
 * its own, committing as they go, while a third reads: every search sees one version whole, never chunks of two, and
 * the last committed version is whole at the end.
 */
class SolrReplaceAtomicityTests {

    private static SolrIndexFixture solr;

    @BeforeAll
    static void startSolr() {
        solr = new SolrIndexFixture();
    }

    @AfterAll
    static void deleteCollections() throws Exception {
        solr.close();
    }

    /** A version of the document: its chunks all say "alpha" and the version's colour. */
    private static List<EmbeddedChunk> version(String colour, int chunks) {
        List<EmbeddedChunk> version = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            version.add(chunk(i, "alpha " + colour + " passage " + i, "", 1, i));
        }
        return version;
    }

    private static Map<String, Long> coloursOf(List<ChunkHit> hits) {
        return hits.stream().collect(Collectors.groupingBy(hit -> hit.chunk().text().split(" ")[1],
                Collectors.counting()));
    }

    @Test
    void twoNodesReplacingOneDocumentNeverLeaveItHalfReplacedForReadersOnAnyNode() throws Exception {
        SolrChunkIndex first = solr.newIndex();
        IndexSettings settings = SolrTestCluster.settings("unused");
        try (CloudSolrClient secondClient = SolrTestCluster.client(settings);
             CloudSolrClient readerClient = SolrTestCluster.client(settings)) {
            SolrChunkIndex second = new SolrChunkIndex(secondClient, first.collection(), solr.queries());
            SolrChunkIndex reader = new SolrChunkIndex(readerClient, first.collection(), solr.queries());
            Map<String, Integer> sizes = Map.of("red", 5, "blue", 3);
            first.upsert(document("doc", "Doc", "text/plain", 5), version("red", 5));
            first.commit();
            AtomicInteger writersLeft = new AtomicInteger(2);
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (var node : List.of(Map.entry(first, "red"), Map.entry(second, "blue"))) {
                    writers.add(threads.submit(() -> {
                        try {
                            for (int i = 0; i < 30; i++) {
                                int size = sizes.get(node.getValue());
                                node.getKey().upsert(document("doc", "Doc", "text/plain", size),
                                        version(node.getValue(), size));
                                node.getKey().commit();
                            }
                        } finally {
                            writersLeft.decrementAndGet();
                        }
                        return null;
                    }));
                }
                Future<List<Map<String, Long>>> reads = threads.submit(() -> {
                    List<Map<String, Long>> seen = new ArrayList<>();
                    do {
                        seen.add(coloursOf(reader.searchText("alpha", 50, ChunkFilter.NONE)));
                    } while (writersLeft.get() > 0);
                    return seen;
                });
                for (Future<?> writer : writers) {
                    writer.get(120, TimeUnit.SECONDS);
                }
                List<Map<String, Long>> seen = reads.get(120, TimeUnit.SECONDS);

                assertThat(seen).hasSizeGreaterThan(10);
                assertThat(seen).allSatisfy(colours -> {
                    assertThat(colours).as("one version at a time").hasSize(1);
                    colours.forEach((colour, count) -> assertThat(count).as(colour + " whole")
                            .isEqualTo((long) sizes.get(colour)));
                });
                Map<String, Long> last = coloursOf(reader.searchText("alpha", 50, ChunkFilter.NONE));
                assertThat(last).hasSize(1);
                assertThat(reader.stats().chunks()).isEqualTo(last.values().iterator().next());
                assertThat(reader.stats().documents()).isEqualTo(1);
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
