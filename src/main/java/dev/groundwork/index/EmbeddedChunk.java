package dev.groundwork.index;

import java.util.Objects;

/**
 * A chunk with the vector the encoder made for it.
 *
 * @param context what led the chunk's text when it was embedded (its document's title and identity, its headings),
 *                searched by BM25 beside the text
 */
public record EmbeddedChunk(Chunk chunk, float[] vector, String context) {

    public EmbeddedChunk {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(vector, "vector");
        context = context == null ? "" : context;
        if (vector.length == 0) {
            throw new IllegalArgumentException("empty vector for chunk " + chunk.ordinal());
        }
    }

    /** A chunk embedded without anything leading it. */
    public EmbeddedChunk(Chunk chunk, float[] vector) {
        this(chunk, vector, "");
    }
}
