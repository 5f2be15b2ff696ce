package dev.groundwork.index.solr;

import dev.groundwork.index.Leadership;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.Participant;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Groundwork nodes of one Solr collection elect their leader on the cluster's ZooKeeper (Curator's
 * {@link LeaderLatch} under {@code /groundwork/NAME/}): one leads while its session lives; when it stops, or loses
 * ZooKeeper for longer than the session timeout, another takes over. A node that cannot reach ZooKeeper leads nothing
 * (it may be cut off while another leads), and joins again once it can.
 */
public final class ZooKeeperLeadership implements Leadership, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ZooKeeperLeadership.class);
    /** How long a node that lost ZooKeeper keeps its place: long enough for a pause, short enough to fail over. */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(15);

    private final String node;
    private final CuratorFramework zooKeeper;
    private final LeaderLatch latch;
    private final String sharedPath;

    ZooKeeperLeadership(String zkHosts, String collection, String node, Duration connectTimeout) {
        this.node = node;
        this.zooKeeper = CuratorFrameworkFactory.builder()
                .connectString(zkHosts)
                .sessionTimeoutMs((int) SESSION_TIMEOUT.toMillis())
                .connectionTimeoutMs((int) connectTimeout.toMillis())
                .retryPolicy(new ExponentialBackoffRetry(500, 5, 10_000))
                .build();
        String root = "/groundwork/" + collection;
        this.sharedPath = root + "/leader-status";
        this.latch = new LeaderLatch(zooKeeper, root + "/leader", node);
        zooKeeper.start();
        try {
            latch.start();
        } catch (Exception e) {
            zooKeeper.close();
            throw new IllegalStateException("Cannot join the leader election on ZooKeeper " + zkHosts, e);
        }
        log.info("Node {} joined the sync's leader election on ZooKeeper ({})", node, root);
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public boolean leads() {
        return latch.hasLeadership();
    }

    @Override
    public Optional<String> leader() {
        try {
            Participant leader = latch.getLeader();
            return leader.isLeader() ? Optional.of(leader.getId()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public void share(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            try {
                zooKeeper.setData().forPath(sharedPath, bytes);
            } catch (KeeperException.NoNodeException e) {
                zooKeeper.create().creatingParentsIfNeeded().forPath(sharedPath, bytes);
            }
        } catch (Exception e) {
            log.debug("Cannot share the sync's status on ZooKeeper: {}", e.getMessage());
        }
    }

    @Override
    public Optional<String> shared() {
        try {
            return Optional.of(new String(zooKeeper.getData().forPath(sharedPath), StandardCharsets.UTF_8));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            latch.close();
        } catch (Exception e) {
            log.debug("Leaving the leader election: {}", e.getMessage());
        } finally {
            zooKeeper.close();
        }
    }
}
