package dev.groundwork.sync;

/**
 * The sync job as a whole: whether a run is going on, that run, the last one to finish, and the state of the index.
 *
 * @param generation     the index generation that serves queries
 * @param rebuildPending the serving generation was built with another pipeline than the configured one; the next run
 *                       rebuilds it
 * @param vectorSearch   whether queries use vector search; false while the serving generation's vectors come from
 *                       another encoder (queries then use text search only)
 */
public record SyncStatus(State state, SyncReport current, SyncReport last, String generation, boolean rebuildPending,
                         boolean vectorSearch) {

    public enum State { IDLE, RUNNING }
}
