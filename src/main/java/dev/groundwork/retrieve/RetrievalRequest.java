package dev.groundwork.retrieve;

import dev.groundwork.index.ChunkFilter;
import java.util.Objects;

/**
 * A question to retrieve chunks for.
 *
 * @param k how many chunks to return; null for the configured default
 */
public record RetrievalRequest(String query, Integer k, ChunkFilter filter) {

    public RetrievalRequest {
        Objects.requireNonNull(query, "query");
        filter = filter == null ? ChunkFilter.NONE : filter;
    }

    public static RetrievalRequest of(String query) {
        return new RetrievalRequest(query, null, ChunkFilter.NONE);
    }
}
