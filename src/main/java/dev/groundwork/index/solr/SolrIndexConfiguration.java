package dev.groundwork.index.solr;

import dev.groundwork.index.IndexSettings;
import dev.groundwork.index.Leadership;
import dev.groundwork.index.NodeNames;
import dev.groundwork.index.SoleNode;
import dev.groundwork.index.VectorDimension;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The index on SolrCloud ({@code groundwork.index.backend=solr}): one client of the cluster for the life of the
 * application, the generations of the collection (serving index and rebuilds, see {@link SolrGenerations}), and the
 * election of the node that runs the sync, on the cluster's ZooKeeper.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "groundwork.index", name = "backend", havingValue = "solr")
class SolrIndexConfiguration {

    @Bean(destroyMethod = "close")
    CloudSolrClient solrClient(IndexSettings index) {
        SolrSettings settings = index.solr();
        Http2SolrClient.Builder http = new Http2SolrClient.Builder()
                .withConnectionTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .withRequestTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        CloudSolrClient.Builder builder = settings.zkHosts().isEmpty()
                ? new CloudSolrClient.Builder(settings.urls())
                : zooKeeper(settings.zkHosts());
        return builder.withInternalClientBuilder(http)
                .withZkConnectTimeout((int) settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    /** {@code host:port,host:port/chroot} as SolrJ takes it: the hosts, and the chroot apart. */
    private static CloudSolrClient.Builder zooKeeper(String zkHosts) {
        int slash = zkHosts.indexOf('/');
        List<String> hosts = List.of((slash < 0 ? zkHosts : zkHosts.substring(0, slash)).split(","));
        Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(zkHosts.substring(slash));
        return new CloudSolrClient.Builder(hosts.stream().map(String::strip).toList(), chroot);
    }

    @Bean(destroyMethod = "close")
    SolrGenerations chunkIndex(CloudSolrClient client, IndexSettings index, VectorDimension dimension) {
        SolrCluster cluster = new SolrCluster(client,
                new SolrCluster.VectorShape(dimension.value(), index.hnswM(), index.hnswBeamWidth()));
        return new SolrGenerations(cluster, index.solr(), new SolrQueries(index.contextBoost(), index.knnCandidates()));
    }

    /** Elected on ZooKeeper; with Solr's URLs alone there is nothing to elect on, and this node is taken to be alone. */
    @Bean
    Leadership leadership(IndexSettings index) {
        SolrSettings settings = index.solr();
        String node = NodeNames.of(settings.nodeName());
        return settings.zkHosts().isEmpty() ? new SoleNode(node)
                : new ZooKeeperLeadership(settings.zkHosts(), settings.collection(), node, settings.connectTimeout());
    }
}
