package dev.groundwork.index;

/** A generation being built beside the serving one: written through its own store until it is switched in. */
public interface NextGeneration {

    String name();

    /** The generation's own store, private to the rebuild that started it. */
    ChunkStore store();
}
