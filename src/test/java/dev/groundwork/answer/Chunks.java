package dev.groundwork.answer;

import dev.groundwork.index.Chunk;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.retrieve.RetrievedChunk;
import java.time.Instant;
import java.util.List;

/** Retrieved chunks made by hand, for unit tests of the answer package. */
final class Chunks {

    private Chunks() {
    }

    static DocumentRecord document(String id, String title, Integer pages) {
        return new DocumentRecord(id, "sha-" + id, title, "", id + ".pdf", List.of(id + ".pdf"), "application/pdf", 1000,
                pages, 3, Instant.parse("2026-01-01T00:00:00Z"), "test");
    }

    /** A chunk at an offset of its page, so offsets in citations can be checked. */
    static RetrievedChunk chunk(DocumentRecord document, int ordinal, Integer page, int start, String text) {
        return new RetrievedChunk(document, new Chunk(ordinal, page, List.of(), start, start + text.length(), text),
                1.0 / (ordinal + 1), ordinal + 1, ordinal + 1, 0.5f);
    }

    static List<Source> sources(RetrievedChunk... chunks) {
        List<Source> sources = new java.util.ArrayList<>();
        for (RetrievedChunk retrieved : chunks) {
            Chunk chunk = retrieved.chunk();
            sources.add(new Source(sources.size() + 1, retrieved.document(), chunk.ordinal(), chunk.page(), chunk.start(),
                    chunk.end(), chunk.text(), retrieved.similarity()));
        }
        return sources;
    }

    static AnswerSettings settings() {
        return new AnswerSettings(1500, 0.45, 0.6, 0.5, 2, 0.85, 8);
    }

    static AnswerSettings withBudget(int contextTokens) {
        return new AnswerSettings(contextTokens, 0.45, 0.6, 0.5, 2, 0.85, 8);
    }
}
