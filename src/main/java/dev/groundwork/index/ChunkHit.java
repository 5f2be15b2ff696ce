package dev.groundwork.index;

/** A chunk found by a search, with its document and the score of that search (BM25 or cosine). */
public record ChunkHit(DocumentRecord document, Chunk chunk, float score) {

    /** Identifies the chunk across searches. */
    public String key() {
        return document.id() + "#" + chunk.ordinal();
    }
}
