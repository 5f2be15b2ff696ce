package dev.groundwork.index;

import java.util.function.Function;

/**
 * Hands out the index that serves, for one use at a time, the way Lucene's {@code SearcherManager} hands out
 * searchers: {@link #acquire()}, use it, {@link #release} it in a {@code finally}. An index that is replaced (a rebuilt
 * generation switched in) stays open for the uses that acquired it and closes when the last one releases it, so a
 * use never sees two indexes, nor one closed under it.
 *
 * @param <I> the role the callers use ({@link ChunkSearch}, {@link ChunkStore} or both)
 */
public interface ServingIndex<I> {

    /** The index serving now, kept open until {@link #release released}. */
    I acquire();

    /** Gives back an index this caller {@link #acquire acquired}; the caller no longer uses it. */
    void release(I index);

    /** Runs {@code use} on the serving index, acquired and released around it. */
    default <T> T use(Function<? super I, T> use) {
        I index = acquire();
        try {
            return use.apply(index);
        } finally {
            release(index);
        }
    }

    /** Always the same index: one that is never replaced (a generation being built, a test's index). */
    static <I> ServingIndex<I> of(I index) {
        return new ServingIndex<>() {
            @Override
            public I acquire() {
                return index;
            }

            @Override
            public void release(I released) {
                // nothing to give back: the index outlives its uses
            }
        };
    }
}
