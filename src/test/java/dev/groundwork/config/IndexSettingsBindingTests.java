package dev.groundwork.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.index.IndexSettings;
import dev.groundwork.index.solr.SolrSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The index's backend and the Solr settings, bound and checked as the application binds them. */
class IndexSettingsBindingTests {

    @EnableConfigurationProperties(GroundworkProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void theEmbeddedIndexIsTheDefaultAndSolrSettingsHaveDefaultsOfTheirOwn() {
        runner.run(context -> {
            IndexSettings settings = context.getBean(GroundworkProperties.class).index();
            assertThat(settings.backend()).isEqualTo(IndexSettings.Backend.LUCENE);
            assertThat(settings.solr()).isEqualTo(new SolrSettings("", List.of(), "groundwork", 1, 1,
                    Duration.ofSeconds(5), Duration.ofSeconds(60), ""));
        });
    }

    @Test
    void solrBindsItsClusterCollectionAndLayout() {
        runner.withPropertyValues(
                "groundwork.index.backend=solr",
                "groundwork.index.solr.zk-hosts=zk1:2181,zk2:2181/solr",
                "groundwork.index.solr.collection=docs",
                "groundwork.index.solr.shards=4",
                "groundwork.index.solr.replication-factor=2",
                "groundwork.index.solr.node-name=node-a").run(context -> {
            IndexSettings settings = context.getBean(GroundworkProperties.class).index();
            assertThat(settings.backend()).isEqualTo(IndexSettings.Backend.SOLR);
            assertThat(settings.solr().zkHosts()).isEqualTo("zk1:2181,zk2:2181/solr");
            assertThat(settings.solr().collection()).isEqualTo("docs");
            assertThat(settings.solr().shards()).isEqualTo(4);
            assertThat(settings.solr().replicationFactor()).isEqualTo(2);
            assertThat(settings.solr().nodeName()).isEqualTo("node-a");
        });
    }

    @Test
    void solrWithoutAClusterQuantizedVectorsOnSolrAndABadCollectionNameStopTheStart() {
        assertRefused("backend=solr needs solr.zk-hosts or solr.urls", "groundwork.index.backend=solr");
        assertRefused("vector-format=int7 is not available with backend=solr", "groundwork.index.backend=solr",
                "groundwork.index.solr.urls=http://solr:8983/solr", "groundwork.index.vector-format=int7");
        assertRefused("collection must be letters, digits", "groundwork.index.solr.collection=my collection");
        assertRefused("replicationFactor", "groundwork.index.solr.replication-factor=0");
    }

    private void assertRefused(String message, String... properties) {
        runner.withPropertyValues(properties).run(context -> assertThat(context).getFailure()
                .rootCause().hasMessageContaining(message));
    }
}
