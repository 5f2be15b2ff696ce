package dev.groundwork.index.solr;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the SolrCloud cluster is and how Groundwork's collection is laid out on it (with
 * {@code groundwork.index.backend=solr}).
 *
 * @param zkHosts           the cluster's ZooKeeper ensemble, {@code host:port,host:port[/chroot]}: preferred, and
 *                          needed for several Groundwork nodes (they elect the one that runs the sync there)
 * @param urls              base URLs of Solr nodes ({@code http://solr1:8983/solr}), when ZooKeeper is not reachable
 * @param collection        the name Groundwork serves through: an alias onto the collection of the current
 *                          generation ({@code NAME_000001}, ...), made by Groundwork; or an existing collection of
 *                          this name, checked at start-up (then rebuilds cannot switch, as there is no alias)
 * @param shards            shards of each collection Groundwork creates
 * @param replicationFactor copies of each shard; 2 or more keep the index answering when a Solr node is lost
 * @param connectTimeout    how long to wait for a connection to a Solr node or ZooKeeper
 * @param requestTimeout    how long one request to Solr may take
 * @param nodeName          how this Groundwork node is named in the sync's status; empty: host name and process id
 */
public record SolrSettings(
        @DefaultValue("") String zkHosts,
        List<String> urls,
        @DefaultValue("groundwork") @NotNull String collection,
        @DefaultValue("1") @Min(1) @Max(1024) int shards,
        @DefaultValue("1") @Min(1) @Max(16) int replicationFactor,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("60s") @NotNull Duration requestTimeout,
        @DefaultValue("") String nodeName) {

    private static final Pattern COLLECTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public SolrSettings {
        zkHosts = zkHosts == null ? "" : zkHosts.strip();
        urls = urls == null ? List.of() : urls.stream().map(String::strip).filter(url -> !url.isEmpty()).toList();
        nodeName = nodeName == null ? "" : nodeName.strip();
    }

    /** ZooKeeper or Solr URLs, unless Solr is not the backend (then nothing here is read). */
    public boolean locatesACluster() {
        return !zkHosts.isEmpty() || !urls.isEmpty();
    }

    @AssertTrue(message = "collection must be letters, digits, '.', '_' or '-' (at most 100), starting with a letter or digit")
    boolean isCollectionValid() {
        return collection != null && COLLECTION.matcher(collection).matches();
    }

    @AssertTrue(message = "connect-timeout and request-timeout must be positive")
    boolean isTimeoutValid() {
        return connectTimeout != null && requestTimeout != null && !connectTimeout.isNegative()
                && !connectTimeout.isZero() && !requestTimeout.isNegative() && !requestTimeout.isZero();
    }
}
