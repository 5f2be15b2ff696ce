package dev.groundwork.index;

import java.util.List;
import java.util.Optional;

/**
 * The lookup role of a chunk index: one passage read back by where it stands (its document and ordinal), as a search
 * hit named it, or all of a document's passages in order. What a caller needs to show a passage or a document again
 * later, and all it gets. Sees what searches see. Every
 * failure is an {@link IndexUnavailableException}, never an empty result.
 */
public interface ChunkLookup {

    /**
     * The chunk of that ordinal in that document, with the document's record; empty when there is no such document or
     * the document has no chunk of that ordinal (a re-indexed document may have fewer). The hit's score is 0: it was
     * looked up, not ranked.
     */
    Optional<ChunkHit> chunk(String documentId, int ordinal);

    /** Every chunk of the document, in order (by ordinal); empty when there is no such document or it has none. */
    List<Chunk> passages(String documentId);
}
