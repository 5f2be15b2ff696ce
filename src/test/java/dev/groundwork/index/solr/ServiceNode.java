package dev.groundwork.index.solr;

import dev.groundwork.GroundworkApplication;
import dev.groundwork.support.ApiClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One Groundwork service node on the test SolrCloud, serving real HTTP on a port of its own: the whole application,
 * with the index backend set to Solr, the ingest folder given (nodes of one test share it, as a shared volume), the
 * schedule and the start-up sync off (tests trigger the sync themselves).
 */
final class ServiceNode implements AutoCloseable {

    private final String name;
    private final ConfigurableApplicationContext context;
    private final ApiClient api;

    private ServiceNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.api = new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    static ServiceNode start(String name, Path ingest, String collection, String... extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.main.banner-mode=off",
                "groundwork.ingest.dir=" + ingest,
                "groundwork.index.dir=" + ingest.resolveSibling("index-" + name),
                "groundwork.index.backend=solr",
                "groundwork.index.solr.zk-hosts=" + SolrTestCluster.zkHosts(),
                "groundwork.index.solr.collection=" + collection,
                "groundwork.index.solr.shards=" + SolrTestCluster.SHARDS,
                "groundwork.index.solr.replication-factor=" + SolrTestCluster.REPLICAS,
                "groundwork.index.solr.request-timeout=20s",
                "groundwork.index.solr.node-name=" + name,
                "groundwork.sync.cron=-",
                "groundwork.sync.on-startup=false"));
        properties.addAll(List.of(extra));
        // as arguments, which win over application.yml (its server.port among them)
        return new ServiceNode(name, new SpringApplicationBuilder(GroundworkApplication.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new)));
    }

    String name() {
        return name;
    }

    ApiClient api() {
        return api;
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
