package dev.groundwork.index;

import java.util.Optional;

/**
 * Which of the Groundwork nodes sharing one index does the work only one may do at a time (the scheduled folder sync),
 * and what that node last shared about it. Embedded, the one node always leads ({@link SoleNode}); on SolrCloud the
 * nodes elect one on the cluster's ZooKeeper, and another takes over when it stops or loses its session.
 */
public interface Leadership {

    /** This node's name, as the others see it. */
    String node();

    /** Whether this node leads now. */
    boolean leads();

    /** The node that leads now, if the election has one (none while the cluster cannot be reached). */
    Optional<String> leader();

    /** Shares a short text with every node (the leader's sync status); last write wins. */
    void share(String text);

    /** What the leader last shared, if anything and if it can be read now. */
    Optional<String> shared();
}
