package dev.groundwork.retrieve;

import java.util.List;

/**
 * The chunks retrieved for a question, best first, and how long it took.
 *
 * @param queryVector the question as the encoder embedded it for the vector search, so that nothing after retrieval
 *                    embeds it again; null when the retrieval did not embed it (text search only)
 */
public record Retrieval(String query, List<RetrievedChunk> chunks, long tookMs, float[] queryVector) {

    public Retrieval {
        chunks = List.copyOf(chunks);
    }

    /** A retrieval that did not embed its question. */
    public Retrieval(String query, List<RetrievedChunk> chunks, long tookMs) {
        this(query, chunks, tookMs, null);
    }
}
