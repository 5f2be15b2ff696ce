package dev.groundwork.retrieve;

import java.util.List;

/** The chunks retrieved for a question, best first, and how long it took. */
public record Retrieval(String query, List<RetrievedChunk> chunks, long tookMs) {

    public Retrieval {
        chunks = List.copyOf(chunks);
    }
}
