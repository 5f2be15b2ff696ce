package dev.groundwork.mcp;

import dev.groundwork.index.Chunk;
import dev.groundwork.index.DocumentRecord;
import java.util.List;

/**
 * A passage as the tools show it: its id (for {@code get_passage}), its document, where it stands and its exact text.
 *
 * @param about what the document says about itself (organisation, kind, period), or empty
 * @param page  the page from 1, or null for formats without pages
 * @param score the search's fused score, best first; null when the passage was read by id
 */
record PassageView(String passageId, String documentId, String title, String about, String fileName,
                   String contentType, Integer page, List<String> headingPath, String text, Double score) {

    static PassageView of(DocumentRecord document, Chunk chunk, Double score) {
        return new PassageView(PassageId.of(document.id(), chunk.ordinal()).toString(), document.id(), document.title(),
                document.about(), document.fileName(), document.contentType(), chunk.page(), chunk.headingPath(),
                chunk.text(), score);
    }
}
