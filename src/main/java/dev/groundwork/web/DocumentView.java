package dev.groundwork.web;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestionService;
import java.time.Instant;
import java.util.List;

/**
 * A document as the API shows it. An archive or a mailbox is a document of {@code kind} {@code archive} or
 * {@code mailbox}, with no passages of its own and the count of its {@code members}, each a document of its own whose
 * {@code fileName} is the container's and its name in it ({@code archive.zip/inner/report.pdf}).
 *
 * @param addedBy        who uploaded it; null for a file the folder sync found
 * @param ocrPages       pages (or images) whose text was read by OCR
 * @param ocrFailedPages pages OCR could not read: the document is indexed without their text
 */
record DocumentView(String id, String title, String about, String fileName, String contentType, long sizeBytes,
                    Integer pages, int chunks, Instant addedAt, String addedBy, String status, String sha256,
                    List<String> paths, String kind, Integer members, int ocrPages, List<Integer> ocrFailedPages) {

    static DocumentView of(DocumentRecord record, List<DocumentRecord> members) {
        boolean container = IngestionService.isContainer(record);
        String kind = !container ? "document" : IngestionService.isMailbox(record) ? "mailbox" : "archive";
        return new DocumentView(record.id(), record.title(), record.about(), record.fileName(), record.contentType(),
                record.sizeBytes(), record.pages(), record.chunks(), record.addedAt(), record.addedBy(), "indexed",
                record.sha256(), record.paths(), kind, container ? members.size() : null, record.ocrPages(),
                record.ocrFailedPages());
    }
}
