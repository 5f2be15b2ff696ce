package dev.groundwork.index;

/**
 * A chunk index that plays both roles, {@link ChunkStore} and {@link ChunkSearch}: what an index backend provides
 * (the embedded Lucene index, {@link LuceneChunkIndex}). Callers never depend on it as a whole: a retriever asks for
 * the search role, ingestion for the store role, through {@link ServingIndex}.
 */
public interface ChunkIndex extends ChunkStore, ChunkSearch {
}
