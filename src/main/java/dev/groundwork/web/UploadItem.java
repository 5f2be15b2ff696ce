package dev.groundwork.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.RejectedDocumentException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * One file of an upload: its own HTTP status, what happened ({@code created}, {@code known} or
 * {@code rejected}), and the document it became, or the problem code and detail.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UploadItem(String fileName, int status, String outcome, String id, String title, String contentType,
                  Long sizeBytes, Integer pages, Integer chunks, Instant addedAt, List<String> paths, String code,
                  String detail) {

    static UploadItem accepted(String fileName, DocumentRecord document, boolean created) {
        return new UploadItem(fileName, created ? 201 : 200, created ? "created" : "known", document.id(),
                document.title(), document.contentType(), document.sizeBytes(), document.pages(), document.chunks(),
                document.addedAt(), document.paths(), null, null);
    }

    static UploadItem rejected(String fileName, RejectedDocumentException e) {
        return new UploadItem(fileName, UploadStatus.of(e.reason()).value(), "rejected", null, null, null, null, null,
                null, null, null, e.reason().name(), e.getMessage());
    }

    /** The file was fine but could not be stored (a full disk). */
    static UploadItem failed(String fileName, HttpStatus status, String code, String detail) {
        return new UploadItem(fileName, status.value(), "failed", null, null, null, null, null, null, null, null,
                code, detail);
    }
}
