package dev.groundwork.index.solr;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A SolrCloud of two nodes on this machine, for measuring Groundwork on Solr by hand (the evaluation command, the
 * Solr benchmark): the tests' cluster, started and left running. It writes its ZooKeeper address to
 * {@code target/local-solrcloud.zk} and stops when {@code target/local-solrcloud.stop} appears (or after 12 hours).
 * Not part of the build (the name does not end in Tests); run it with
 * {@code mvn -o test -Dtest=LocalSolrCloud -Dsurefire.failIfNoSpecifiedTests=false}, then e.g.
 * {@code ./run.sh eval ... --config solr=index.backend=solr,index.solr.zk-hosts=$(cat target/local-solrcloud.zk)}.
 */
class LocalSolrCloud {

    private static final Path ADDRESS = Path.of("target", "local-solrcloud.zk");
    private static final Path STOP = Path.of("target", "local-solrcloud.stop");

    @Test
    void runUntilAskedToStop() throws Exception {
        Files.deleteIfExists(STOP);
        Files.writeString(ADDRESS, SolrTestCluster.zkHosts());
        System.out.println("SolrCloud up; ZooKeeper at " + SolrTestCluster.zkHosts());
        await().atMost(Duration.ofHours(12)).pollInterval(Duration.ofSeconds(1)).until(() -> Files.exists(STOP));
        Files.deleteIfExists(ADDRESS);
    }
}
