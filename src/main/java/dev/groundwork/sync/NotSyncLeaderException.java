package dev.groundwork.sync;

/**
 * A sync was asked of a node that does not lead: on several nodes sharing one index, only the elected one runs the
 * sync. Carries the leader's name, when there is one, for the client to ask it instead.
 */
public class NotSyncLeaderException extends RuntimeException {

    private final String leader;

    public NotSyncLeaderException(String node, String leader) {
        super(leader == null
                ? "No node leads the sync right now (the cluster's ZooKeeper cannot be reached from " + node
                        + "); try again later."
                : "Node " + node + " does not run the sync: node " + leader + " does; ask it.");
        this.leader = leader;
    }

    /** The node that runs the sync, or null while none is elected. */
    public String leader() {
        return leader;
    }
}
