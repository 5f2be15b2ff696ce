package dev.groundwork.index.solr;

import static dev.groundwork.index.IndexFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.groundwork.index.ChunkFilter;
import dev.groundwork.index.ChunkIndex;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.IndexFixtures;
import dev.groundwork.index.NextGeneration;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the generations live on SolrCloud, beyond the lifecycle contract ({@link SolrGenerationsLifecycleTests}): the
 * alias and its collections as any client of the cluster sees them, a switch made by one node followed by another,
 * and a collection that does not fit refused at start-up.
 */
class SolrGenerationsTests {

    private static SolrIndexFixture solr;

    @BeforeAll
    static void startSolr() {
        solr = new SolrIndexFixture();
    }

    @AfterAll
    static void deleteCollections() throws Exception {
        solr.close();
    }

    @Test
    void aSwitchPointsTheAliasAtTheNewCollectionAndDeletesTheOldOnceItsLastUserIsDone() {
        String alias = solr.newAlias();
        try (SolrGenerations generations = solr.openGenerations(alias)) {
            assertThat(solr.cluster().aliasTarget(alias)).contains(alias + "_000001");
            generations.use(serving -> put(serving, "aaaaaaaaaaaaaaaa", "Old", "the old apple orchard"));
            NextGeneration next = generations.startNext();
            put(next.store(), "bbbbbbbbbbbbbbbb", "New", "the new apple press");
            ChunkIndex held = generations.acquire();

            generations.switchTo(next, "p2");

            assertThat(solr.cluster().aliasTarget(alias)).contains(alias + "_000002");
            assertThat(solr.cluster().collections()).as("still in use").contains(alias + "_000001");
            generations.release(held);
            assertThat(solr.cluster().collections()).doesNotContain(alias + "_000001");
        }
    }

    @Test
    void anotherNodeFollowsASwitchOnItsNextUseAndNeverGoesBack() {
        String alias = solr.newAlias();
        try (SolrGenerations switching = solr.openGenerations(alias);
             SolrGenerations following = solr.openGenerations(alias)) {
            switching.use(serving -> put(serving, "aaaaaaaaaaaaaaaa", "Old", "the old apple orchard"));
            assertThat(following.serving().name()).isEqualTo(alias + "_000001");
            NextGeneration next = switching.startNext();
            put(next.store(), "bbbbbbbbbbbbbbbb", "New", "the new apple press");

            switching.switchTo(next, "p2");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(following.serving().name()).isEqualTo(alias + "_000002");
                assertThat(following.serving().builtWith()).contains("p2");
            });
            List<String> found = following.use(serving -> serving.searchText("apple", 5, ChunkFilter.NONE).stream()
                    .map(hit -> hit.document().id()).toList());
            assertThat(found).containsExactly("bbbbbbbbbbbbbbbb");
        }
    }

    @Test
    void aCollectionWhoseVectorsHaveAnotherSizeStopsTheStartNamingIt() {
        String alias = solr.newAlias();
        SolrCluster otherEncoder = new SolrCluster(solr.client(),
                new SolrCluster.VectorShape(IndexFixtures.DIMENSION * 2, 32, 100));
        // a collection of that name made for another encoder, served directly
        otherEncoder.create(alias, otherEncoder.ensureConfigSet(), 1, 1);

        assertThatThrownBy(() -> solr.openGenerations(alias))
                .isInstanceOf(IncompatibleCollectionException.class)
                .hasMessageContaining(alias)
                .hasMessageContaining(IndexFixtures.DIMENSION * 2 + " dimensions")
                .hasMessageContaining("vectors of " + IndexFixtures.DIMENSION);
    }

    @Test
    void aCollectionWithoutGroundworksFieldsStopsTheStartNamingWhatIsMissing(@TempDir Path conf) throws Exception {
        String alias = solr.newAlias();
        // Groundwork's configset less its context field, as someone may have made it by hand
        for (String file : List.of("solrconfig.xml", "schema.xml")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("solr/groundwork/conf/" + file)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll("<field name=\"context\"[^>]*/>", "")
                        .replace("@VECTOR_DIMENSION@", "4").replace("@HNSW_M@", "16").replace("@HNSW_BEAM_WIDTH@", "100");
                Files.writeString(conf.resolve(file), text);
            }
        }
        SolrTestCluster.get().uploadConfigSet(conf, alias + "-conf");
        solr.cluster().create(alias, alias + "-conf", 1, 1);

        assertThatThrownBy(() -> solr.openGenerations(alias))
                .isInstanceOf(IncompatibleCollectionException.class)
                .hasMessageContaining(alias)
                .hasMessageContaining("context");
    }

    @Test
    void aCollectionServedWithoutAnAliasServesButCannotBeRebuiltBesideItself() {
        String alias = solr.newAlias();
        solr.cluster().create(alias, solr.cluster().ensureConfigSet(), 1, 1);
        try (SolrGenerations generations = solr.openGenerations(alias)) {
            DocumentRecord written = generations.use(serving -> put(serving, "aaaaaaaaaaaaaaaa", "Kept", "kept text"));

            assertThat(generations.serving().name()).isEqualTo(alias);
            Optional<DocumentRecord> found = generations.use(serving -> serving.find(written.id()));
            assertThat(found).contains(written);
            assertThatThrownBy(generations::startNext).hasMessageContaining("cannot be rebuilt beside itself");
        }
    }
}
