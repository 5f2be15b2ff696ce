package dev.groundwork.sync;

/** A run stopped for a reason worded for the sync status (which clients read); any other failure is told in general words. */
final class SyncFailedException extends RuntimeException {

    SyncFailedException(String message) {
        super(message);
    }
}
