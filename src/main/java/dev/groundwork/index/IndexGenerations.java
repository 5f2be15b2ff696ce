package dev.groundwork.index;

/**
 * The lifecycle role of an index that can be rebuilt beside itself: the serving generation, and the next one, built
 * while the serving one keeps serving, then switched in or discarded. What a rebuild needs, and all it gets; searches
 * and writes go to the serving generation through {@link ServingIndex}.
 */
public interface IndexGenerations {

    /** The generation that serves now: its name, what it was built with, whether its vectors compare. */
    ServingGeneration serving();

    /**
     * Records that the serving generation holds what {@code pipeline} makes (it is empty, or all of its documents
     * were made by it).
     */
    void recordBuiltWith(String pipeline);

    /**
     * Whether the serving generation's vectors can be compared with the configured encoder's. When not, its vector
     * search is unavailable and new chunks are written without vectors, until a rebuilt generation switches in.
     */
    void vectorsComparable(boolean comparable);

    /**
     * Starts an empty next generation, private to the caller until {@link #switchTo} or {@link #discard}.
     *
     * @throws IllegalStateException when a next generation is being built already
     */
    NextGeneration startNext();

    /**
     * Makes a filled next generation the serving one, recorded as built with {@code pipeline}. Uses of the old one in
     * progress finish on it; new ones get the new one. If this throws, the old generation still serves.
     *
     * @throws IllegalStateException when {@code next} is not the generation being built
     */
    void switchTo(NextGeneration next, String pipeline);

    /**
     * Throws a next generation away; the serving one is untouched.
     *
     * @throws IllegalStateException when {@code next} is not the generation being built
     */
    void discard(NextGeneration next);
}
