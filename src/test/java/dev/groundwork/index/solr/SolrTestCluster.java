package dev.groundwork.index.solr;

import dev.groundwork.index.IndexSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * A real SolrCloud of two Solr nodes and an embedded ZooKeeper, in this JVM ({@link MiniSolrCloudCluster}), started
 * once for every Solr test (it takes seconds) and stopped when the JVM exits. Tests make collections of their own
 * names, two shards of two replicas each: every shard has a copy on both nodes. A test that stops nodes starts them
 * again before it ends ({@link #restartStopped()}).
 */
public final class SolrTestCluster {

    public static final int SHARDS = 2;
    public static final int REPLICAS = 2;
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final List<JettySolrRunner> STOPPED = new ArrayList<>();
    private static MiniSolrCloudCluster cluster;

    private SolrTestCluster() {
    }

    public static synchronized MiniSolrCloudCluster get() {
        if (cluster == null) {
            try {
                Path home = Files.createTempDirectory("groundwork-solr");
                cluster = new MiniSolrCloudCluster.Builder(2, home)
                        .withMetrics(false)
                        .build();
                MiniSolrCloudCluster started = cluster;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.shutdown();
                    } catch (Exception e) {
                        // the JVM is exiting
                    }
                }, "solr-test-cluster-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the test SolrCloud", e);
            }
        }
        return cluster;
    }

    /** The cluster's ZooKeeper, as {@code groundwork.index.solr.zk-hosts} takes it. */
    public static String zkHosts() {
        return get().getZkServer().getZkAddress();
    }

    /** A name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    /** Index settings for the test cluster, serving through {@code collection}. */
    public static IndexSettings settings(String collection) {
        return settings(collection, Duration.ofSeconds(30));
    }

    /** Index settings for the test cluster whose requests may take up to {@code requestTimeout}. */
    public static IndexSettings settings(String collection, Duration requestTimeout) {
        SolrSettings solr = new SolrSettings(zkHosts(), List.of(), collection, SHARDS, REPLICAS, Duration.ofSeconds(5),
                requestTimeout, "");
        return new IndexSettings(Path.of("unused"), Duration.ofSeconds(1), 16, 0.5, IndexSettings.VectorFormat.FLOAT,
                32, 100, 400, true, IndexSettings.Backend.SOLR, solr);
    }

    /** A client of the cluster made as the application makes its own. */
    public static CloudSolrClient client(IndexSettings settings) {
        return new SolrIndexConfiguration().solrClient(settings);
    }

    /** The Solr nodes running now. */
    public static synchronized List<JettySolrRunner> running() {
        return List.copyOf(get().getJettySolrRunners());
    }

    /** Stops a Solr node (the cluster forgets it until it starts again) and waits until it is down. */
    public static synchronized JettySolrRunner stop(JettySolrRunner node) throws Exception {
        get().stopJettySolrRunner(node);
        get().waitForJettyToStop(node);
        STOPPED.add(node);
        return node;
    }

    /** Starts a stopped Solr node again, on its port, and waits until the cluster sees it live. */
    public static synchronized void start(JettySolrRunner node) throws Exception {
        get().startJettySolrRunner(node);
        STOPPED.remove(node);
        get().waitForNode(node, 60);
    }

    /** Starts again every Solr node a test stopped, and waits for them to be live. */
    public static synchronized void restartStopped() throws Exception {
        for (JettySolrRunner node : List.copyOf(STOPPED)) {
            start(node);
        }
        get().waitForAllNodes(60);
    }
}
