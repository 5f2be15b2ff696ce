package dev.groundwork.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.groundwork.index.DocumentRecord;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ProblemDetail;

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

    /**
     * A file that was refused ({@code rejected}: the file's own fault, a 4xx) or could not be stored ({@code failed}:
     * a full disk), with the problem the API gives for it.
     */
    static UploadItem refused(String fileName, ProblemDetail problem) {
        return new UploadItem(fileName, problem.getStatus(), problem.getStatus() < 500 ? "rejected" : "failed", null,
                null, null, null, null, null, null, null, (String) problem.getProperties().get("code"),
                problem.getDetail());
    }
}
