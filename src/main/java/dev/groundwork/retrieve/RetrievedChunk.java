package dev.groundwork.retrieve;

import dev.groundwork.index.Chunk;
import dev.groundwork.index.DocumentRecord;

/**
 * A chunk chosen for a question, with how each list ranked it.
 *
 * @param score        the fused score; only its order is meaningful
 * @param textRank     rank in the BM25 list from 1, or null when it was not in that list
 * @param vectorRank   rank in the vector list from 1, or null
 * @param similarity   cosine similarity of the question and the chunk, or null when not in the vector list
 */
public record RetrievedChunk(DocumentRecord document, Chunk chunk, double score, Integer textRank,
                             Integer vectorRank, Float similarity) {
}
