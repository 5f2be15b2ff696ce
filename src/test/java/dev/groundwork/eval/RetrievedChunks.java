package dev.groundwork.eval;

import dev.groundwork.index.Chunk;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.retrieve.RetrievedChunk;
import java.time.Instant;
import java.util.List;

/** Retrieved chunks made by hand for metric tests. */
final class RetrievedChunks {

    private RetrievedChunks() {
    }

    /** A chunk of the passage {@code passageId} (its file name, as the evaluation indexes passages). */
    static RetrievedChunk of(String passageId, int ordinal, String text) {
        DocumentRecord document = new DocumentRecord("id-" + passageId, "0".repeat(64), "Title " + passageId, "",
                passageId, List.of(), "text/plain", text.length(), null, 1, Instant.EPOCH, "test");
        return new RetrievedChunk(document, new Chunk(ordinal, null, List.of(), 0, text.length(), text), 1.0, 1, 1, 0.5f);
    }

    static RetrievedChunk ofFile(String path, String text) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        DocumentRecord document = new DocumentRecord("id-" + path, "0".repeat(64), name, "", name, List.of(path),
                "text/plain", text.length(), null, 1, Instant.EPOCH, "test");
        return new RetrievedChunk(document, new Chunk(0, null, List.of(), 0, text.length(), text), 1.0, 1, null, null);
    }

    /** A chunk of a PDF, on a page. */
    static RetrievedChunk onPage(String file, int page) {
        DocumentRecord document = new DocumentRecord("id-" + file, "0".repeat(64), file, "", file, List.of(file),
                "application/pdf", 100, 20, 40, Instant.EPOCH, "test");
        return new RetrievedChunk(document, new Chunk(page, page, List.of(), 0, 4, "text"), 1.0, 1, 1, 0.5f);
    }
}
