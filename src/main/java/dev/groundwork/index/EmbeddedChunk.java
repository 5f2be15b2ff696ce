package dev.groundwork.index;

import java.util.Objects;

/** A chunk with the vector the encoder made for it. */
public record EmbeddedChunk(Chunk chunk, float[] vector) {

    public EmbeddedChunk {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(vector, "vector");
        if (vector.length == 0) {
            throw new IllegalArgumentException("empty vector for chunk " + chunk.ordinal());
        }
    }
}
