package dev.groundwork.index;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who holds one index generation, for any backend's series of generations: each search or write lent it takes a
 * hold, and its slot as the serving or the next generation is one more. When the last hold is given back (the
 * generation was switched away from or discarded, and its last user is done) it is retired, and no hold can be
 * taken any more.
 */
public final class GenerationHolds {

    private final AtomicInteger count = new AtomicInteger(1);
    private final String name;
    private final Runnable retire;

    /**
     * @param name   the generation's name, for the error of a hold given back twice
     * @param retire what the last release does (close, delete), run once
     */
    public GenerationHolds(String name, Runnable retire) {
        this.name = name;
        this.retire = retire;
    }

    /** Takes a hold, unless the generation is retired already (a switch retired it meanwhile). */
    public boolean tryHold() {
        for (int held = count.get(); held > 0; held = count.get()) {
            if (count.compareAndSet(held, held + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Gives a hold back; the last one retires the generation. */
    public void release() {
        int left = count.decrementAndGet();
        if (left == 0) {
            retire.run();
        } else if (left < 0) {
            throw new IllegalStateException("Index generation " + name + " released more often than acquired");
        }
    }
}
