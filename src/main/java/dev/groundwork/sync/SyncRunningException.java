package dev.groundwork.sync;

/** A sync was asked for while one is running; carries the running one's status. */
public class SyncRunningException extends RuntimeException {

    private final SyncStatus status;

    public SyncRunningException(SyncStatus status) {
        super("A sync is already running (run " + (status.current() == null ? "?" : status.current().run())
                + "); see its status, and trigger again once it is over.");
        this.status = status;
    }

    public SyncStatus status() {
        return status;
    }
}
