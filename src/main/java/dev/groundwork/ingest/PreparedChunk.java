package dev.groundwork.ingest;

import dev.groundwork.index.Chunk;
import java.util.Objects;

/** A chunk and the text the encoder sees for it: the source passage, led by its document title and headings. */
public record PreparedChunk(Chunk chunk, String embeddingText) {

    public PreparedChunk {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(embeddingText, "embeddingText");
    }
}
