package dev.groundwork.sync;

/** What started a sync run. */
public enum SyncTrigger {
    /** The service came up. */
    STARTUP,
    /** The cron schedule. */
    SCHEDULE,
    /** {@code POST /api/reindex}: also tries failed files that are backing off. */
    MANUAL
}
