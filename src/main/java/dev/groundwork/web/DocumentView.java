package dev.groundwork.web;

import dev.groundwork.index.DocumentRecord;
import java.time.Instant;
import java.util.List;

/**
 * A document as the API shows it.
 *
 * @param addedBy who uploaded it; null for a file the folder sync found
 */
record DocumentView(String id, String title, String about, String fileName, String contentType, long sizeBytes,
                    Integer pages, int chunks, Instant addedAt, String addedBy, String status, String sha256,
                    List<String> paths) {

    static DocumentView of(DocumentRecord record) {
        return new DocumentView(record.id(), record.title(), record.about(), record.fileName(), record.contentType(),
                record.sizeBytes(), record.pages(), record.chunks(), record.addedAt(), record.addedBy(), "indexed",
                record.sha256(), record.paths());
    }
}
