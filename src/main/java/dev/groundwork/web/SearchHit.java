package dev.groundwork.web;

import dev.groundwork.retrieve.RetrievedChunk;
import java.util.List;

/** One chunk of a search result, with its citation metadata and how each list ranked it. */
record SearchHit(String documentId, String title, String about, String fileName, String contentType, Integer page,
                 List<String> headingPath, int ordinal, int start, int end, String text, double score,
                 Integer bm25Rank, Integer vectorRank, boolean scanned, Float ocrConfidence) {

    static SearchHit of(RetrievedChunk retrieved) {
        var document = retrieved.document();
        var chunk = retrieved.chunk();
        return new SearchHit(document.id(), document.title(), document.about(), document.fileName(), document.contentType(),
                chunk.page(), chunk.headingPath(), chunk.ordinal(), chunk.start(), chunk.end(), chunk.text(),
                retrieved.score(), retrieved.textRank(), retrieved.vectorRank(), chunk.scanned(), chunk.ocrConfidence());
    }
}
