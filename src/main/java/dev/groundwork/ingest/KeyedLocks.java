package dev.groundwork.ingest;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Serialises work on the same document id (two uploads of the same bytes), letting other ids run. */
final class KeyedLocks {

    private final ReentrantLock[] stripes;

    KeyedLocks(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    <T> T withLock(String key, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
