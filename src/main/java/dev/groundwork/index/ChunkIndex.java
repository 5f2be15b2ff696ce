package dev.groundwork.index;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store of documents and their embedded chunks, searchable by text (BM25) and by vector (HNSW).
 * Writes become durable at {@link #commit}; searches see them after a commit, or within the refresh
 * interval. Every failure is an {@link IndexUnavailableException}, or a {@link StorageFullException} when the
 * disk is full, never an empty result. A failed write or commit leaves the index as of its last commit: no
 * change made since by anyone survives it, and a caller whose changes were dropped that way gets an exception
 * from its own {@link #commit}, which is why a caller writes and commits on one thread.
 */
public interface ChunkIndex {

    /**
     * Puts a document and all its chunks in place of any earlier version of it and of the documents named in
     * {@code replacing}, in one step: a search sees the old chunks or the new ones, never a mix.
     */
    void upsert(DocumentRecord document, List<EmbeddedChunk> chunks, Collection<String> replacing);

    default void upsert(DocumentRecord document, List<EmbeddedChunk> chunks) {
        upsert(document, chunks, List.of());
    }

    /** Changes what is known of a document (its paths, its file name) without touching its chunks. */
    void updateRecord(DocumentRecord document);

    /** Removes a document and its chunks; false when it was not there. */
    boolean delete(String documentId);

    /** Makes every write so far durable, records {@code userData} with it, and makes it visible to searches. */
    void commit(Map<String, String> userData);

    default void commit() {
        commit(Map.of());
    }

    /** The user data of the last commit. */
    Map<String, String> committedUserData();

    /**
     * Merges the index into at most this many segments and commits (see the Lucene implementation); an index
     * without segments has nothing to merge.
     */
    default void forceMerge(int maxSegments) {
    }

    Optional<DocumentRecord> find(String documentId);

    /** Every document, newest first. */
    List<DocumentRecord> documents();

    IndexStats stats();

    /** BM25 over the chunk text (and, weighted lower, the document title and heading path). */
    List<ChunkHit> searchText(String query, int limit, ChunkFilter filter);

    /**
     * Whether {@link #searchVector} can be used: false while the index's vectors were made by another encoder than
     * the configured one (until a rebuild switches in an index made by this one). Text search always works.
     */
    default boolean vectorSearchAvailable() {
        return true;
    }

    /** Nearest chunks by cosine similarity to a unit vector. */
    List<ChunkHit> searchVector(float[] vector, int limit, ChunkFilter filter);

    /** A document's chunks with their stored vectors, in order: lets a moved file keep its embeddings. */
    List<EmbeddedChunk> chunks(String documentId);
}
