package dev.groundwork.index.solr;

import dev.groundwork.index.IndexFixtures;
import dev.groundwork.index.IndexSettings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;

/**
 * Collections for one Solr test class: made from Groundwork's own configset (sized for the fixtures' vectors) on the
 * shared test cluster, and deleted with their aliases when the test is over.
 */
final class SolrIndexFixture implements AutoCloseable {

    private final IndexSettings settings = SolrTestCluster.settings("unused");
    private final CloudSolrClient client = SolrTestCluster.client(settings);
    private final SolrCluster cluster = new SolrCluster(client, new SolrCluster.VectorShape(IndexFixtures.DIMENSION,
            settings.hnswM(), settings.hnswBeamWidth()));
    private final SolrQueries queries = new SolrQueries(settings.contextBoost(), settings.knnCandidates());
    private final List<String> prefixes = new ArrayList<>();
    private final Queue<String> emptied = new ArrayDeque<>();

    SolrIndexFixture() {
        SolrTestCluster.get();
    }

    SolrCluster cluster() {
        return cluster;
    }

    CloudSolrClient client() {
        return client;
    }

    SolrQueries queries() {
        return queries;
    }

    /**
     * An empty collection of the test cluster's shards and replicas: one a test gave back, emptied (a segment whose
     * every entry is deleted is dropped, so nothing of it is left in the term statistics), or a new one. Making a
     * collection takes seconds; emptying one, a moment.
     */
    SolrChunkIndex newIndex() {
        String name = emptied.poll();
        if (name == null) {
            name = SolrTestCluster.uniqueName("store");
            prefixes.add(name);
            cluster.create(name, cluster.ensureConfigSet(), SolrTestCluster.SHARDS, SolrTestCluster.REPLICAS);
        }
        return new SolrChunkIndex(client, name, queries);
    }

    /** Gives a collection back, emptied, for the next test. */
    void giveBack(SolrChunkIndex index) throws Exception {
        client.deleteByQuery(index.collection(), "*:*");
        client.commit(index.collection(), true, true);
        emptied.add(index.collection());
    }

    /** The same collection through a new handle, as after a restart of the service. */
    SolrChunkIndex reopen(SolrChunkIndex index) {
        return new SolrChunkIndex(client, index.collection(), queries);
    }

    /** Generations under a new alias name; each call of the returned supplier opens them again, as a restart does. */
    String newAlias() {
        String alias = SolrTestCluster.uniqueName("gens");
        prefixes.add(alias);
        return alias;
    }

    SolrGenerations openGenerations(String alias) {
        return new SolrGenerations(cluster, SolrTestCluster.settings(alias).solr(), queries);
    }

    @Override
    public void close() throws Exception {
        try {
            for (String prefix : prefixes) {
                if (cluster.aliasTarget(prefix).isPresent()) {
                    CollectionAdminRequest.deleteAlias(prefix).process(client);
                }
                for (String collection : cluster.collections()) {
                    if (collection.equals(prefix) || collection.startsWith(prefix + "_")) {
                        cluster.delete(collection);
                    }
                }
            }
        } finally {
            client.close();
        }
    }
}
