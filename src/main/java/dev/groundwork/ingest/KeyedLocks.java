package dev.groundwork.ingest;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises work on the same document id (two uploads of the same bytes), letting other ids run. Several stripes
 * are always taken in stripe order, so two callers locking the same pair, or everything, cannot deadlock.
 */
final class KeyedLocks {

    private final ReentrantLock[] stripes;

    KeyedLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    <T> T withLock(String key, Supplier<T> work) {
        return withLocks(key, key, work);
    }

    /** Runs while holding the stripes of both keys (a file that moves from one document to another). */
    <T> T withLocks(String first, String second, Supplier<T> work) {
        int a = stripeOf(first);
        int b = stripeOf(second);
        ReentrantLock lower = stripes[Math.min(a, b)];
        ReentrantLock upper = stripes[Math.max(a, b)];
        lower.lock();
        try {
            upper.lock();
            try {
                return work.get();
            } finally {
                upper.unlock();
            }
        } finally {
            lower.unlock();
        }
    }

    /** Runs while no other work holds any stripe: a barrier for switching what all the work writes to. */
    <T> T withAll(Supplier<T> work) {
        int locked = 0;
        try {
            for (; locked < stripes.length; locked++) {
                stripes[locked].lock();
            }
            return work.get();
        } finally {
            for (int i = locked - 1; i >= 0; i--) {
                stripes[i].unlock();
            }
        }
    }

    private int stripeOf(String key) {
        return Math.floorMod(key.hashCode(), stripes.length);
    }
}
