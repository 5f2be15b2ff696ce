package dev.groundwork.index;

import java.util.List;

/**
 * The search role of a chunk index: BM25 over the text, nearest neighbours over the vectors. What a retriever needs,
 * and all it gets. Searches see writes once they are committed, or within the refresh interval. Every failure is an
 * {@link IndexUnavailableException}, never an empty result.
 */
public interface ChunkSearch {

    /**
     * BM25 over the chunk text and, weighted lower, the chunk's context (document title and identity, heading path).
     * Any text is a valid query: there is no query syntax. A query with no searchable word finds nothing.
     */
    List<ChunkHit> searchText(String query, int limit, ChunkFilter filter);

    /**
     * The chunks nearest to a unit vector, best first, each scored by its cosine similarity.
     *
     * @throws IndexUnavailableException while {@link #vectorsComparable()} is false
     */
    List<ChunkHit> searchVector(float[] vector, int limit, ChunkFilter filter);

    /**
     * Whether {@link #searchVector} can be used: false while the index's vectors were made by another encoder than the
     * configured one (until an index built with this one takes over). Text search always works.
     */
    boolean vectorsComparable();
}
