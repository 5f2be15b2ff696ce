package dev.groundwork.sync;

/**
 * The sync job as a whole: whether a run is going on, that run, the last one to finish, and the state of the index.
 *
 * @param generation     the index generation that serves queries
 * @param rebuildPending the serving generation was built with another pipeline than the configured one; the next run
 *                       rebuilds it
 * @param vectorSearch   whether queries use vector search; false while the serving generation's vectors come from
 *                       another encoder (queries then use text search only)
 * @param node           the node that answers (several Groundwork nodes may share one index)
 * @param leader         the node that runs the sync, or null while none is elected; {@code state}, {@code current}
 *                       and {@code last} are that node's
 */
public record SyncStatus(State state, SyncReport current, SyncReport last, String generation, boolean rebuildPending,
                         boolean vectorSearch, String node, String leader) {

    public enum State { IDLE, RUNNING }

    /** The same status as told by another node. */
    SyncStatus toldBy(String otherNode) {
        return new SyncStatus(state, current, last, generation, rebuildPending, vectorSearch, otherNode, leader);
    }
}
