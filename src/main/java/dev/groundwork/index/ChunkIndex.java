package dev.groundwork.index;

/**
 * A chunk index that plays every role, {@link ChunkStore}, {@link ChunkSearch} and {@link ChunkLookup}: what an index
 * backend provides (the embedded Lucene index, {@link LuceneChunkIndex}). Callers never depend on it as a whole: a
 * retriever asks for the search role, ingestion for the store role, through {@link ServingIndex}.
 */
public interface ChunkIndex extends ChunkStore, ChunkSearch, ChunkLookup {
}
