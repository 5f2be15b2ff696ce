package dev.groundwork.index;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The store role of a chunk index: documents and their embedded chunks put in, replaced, taken out and read back. What
 * ingestion needs, and all it gets.
 *
 * <p>Writes become durable at {@link #commit}. Every failure is an {@link IndexUnavailableException}, or a
 * {@link StorageFullException} when the disk is full, never an empty result. A failed write or commit leaves the
 * index as of its last commit: no change made since by anyone survives it, and a caller whose changes were dropped
 * that way gets an exception from its own {@link #commit}, which is why a caller writes and commits on one thread.
 */
public interface ChunkStore {

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

    /** Makes every write of this thread so far durable and visible to searches. */
    void commit();

    Optional<DocumentRecord> find(String documentId);

    /** Every document, newest first (then by id). */
    List<DocumentRecord> documents();

    IndexStats stats();
}
