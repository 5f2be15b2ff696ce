package dev.groundwork.ingest;

import dev.groundwork.index.Chunk;
import java.util.Objects;

/**
 * A chunk and the text the encoder sees for it: the source passage, led by its context.
 *
 * @param context what tells where the chunk comes from (document title and identity, headings or the page's first
 *                words), which leads the embedded text and which BM25 also searches
 */
public record PreparedChunk(Chunk chunk, String embeddingText, String context) {

    public PreparedChunk {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(embeddingText, "embeddingText");
        Objects.requireNonNull(context, "context");
    }
}
