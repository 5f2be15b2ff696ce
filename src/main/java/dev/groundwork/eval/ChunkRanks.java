package dev.groundwork.eval;

import dev.groundwork.eval.Gold.Kind;
import dev.groundwork.retrieve.RetrievedChunk;
import java.util.List;

/**
 * Where a gold file's first chunk, and its first chunk on a gold page, stand among the chunks retrieved: what a
 * reader of the top k passages sees, as opposed to {@link GoldRanks}, which ranks each document once.
 *
 * @param file the rank from 1 of the first chunk of a gold file, or null (also for gold that is not a file)
 * @param page the rank from 1 of the first chunk of a gold file on one of its gold pages, or null (also when the
 *             question names no pages)
 */
record ChunkRanks(Integer file, Integer page) {

    static final ChunkRanks NONE = new ChunkRanks(null, null);

    static ChunkRanks of(Gold gold, List<RetrievedChunk> retrieved) {
        if (gold.kind() != Kind.FILE) {
            return NONE;
        }
        Integer file = null;
        Integer page = null;
        for (int i = 0; i < retrieved.size() && page == null; i++) {
            RetrievedChunk chunk = retrieved.get(i);
            if (gold.values().stream().noneMatch(value -> GoldRanks.matches(Kind.FILE, value, chunk))) {
                continue;
            }
            file = file == null ? i + 1 : file;
            if (chunk.chunk().page() != null && gold.pages().contains(chunk.chunk().page())) {
                page = i + 1;
            }
        }
        return new ChunkRanks(file, page);
    }
}
