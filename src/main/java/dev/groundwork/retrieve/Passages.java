package dev.groundwork.retrieve;

import dev.groundwork.index.Chunk;
import dev.groundwork.index.ChunkHit;
import dev.groundwork.index.ChunkLookup;
import dev.groundwork.index.ServingIndex;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Passages read back by where they stand, as a search named them, or a document's all in order: for clients that
 * search first and read a passage or its document later (the MCP server's {@code get_passage} and resources). What the serving index holds now, as a search would see it.
 */
@Service
public class Passages {

    private final ServingIndex<? extends ChunkLookup> index;

    Passages(ServingIndex<? extends ChunkLookup> index) {
        this.index = index;
    }

    /** The passage of that ordinal in that document; empty when either is not (or no longer) there. */
    public Optional<ChunkHit> find(String documentId, int ordinal) {
        return index.use(lookup -> lookup.chunk(documentId, ordinal));
    }

    /** Every passage of the document, in order; empty when it is not there or has none (an archive). */
    public List<Chunk> ofDocument(String documentId) {
        return index.use(lookup -> lookup.passages(documentId));
    }
}
