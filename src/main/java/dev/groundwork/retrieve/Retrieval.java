package dev.groundwork.retrieve;

import java.util.List;

/**
 * The chunks retrieved for a question, best first, and how long it took.
 *
 * @param queryVector the question as the encoder embedded it for the vector search, so that nothing after retrieval
 *                    embeds it again; null when the retrieval did not embed it (text search only)
 * @param closest     the cosine similarity of the chunk closest to the question among all vector candidates (before
 *                    fusion), or null when vectors were not searched: how near the documents come to the question
 */
public record Retrieval(String query, List<RetrievedChunk> chunks, long tookMs, float[] queryVector, Float closest) {

    public Retrieval {
        chunks = List.copyOf(chunks);
    }

    /** A retrieval that did not embed its question. */
    public Retrieval(String query, List<RetrievedChunk> chunks, long tookMs) {
        this(query, chunks, tookMs, null, null);
    }

    /** The same retrieval with only its first {@code k} chunks. */
    public Retrieval top(int k) {
        return chunks.size() <= k ? this : new Retrieval(query, chunks.subList(0, k), tookMs, queryVector, closest);
    }
}
