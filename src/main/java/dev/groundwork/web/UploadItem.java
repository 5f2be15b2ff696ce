package dev.groundwork.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.ingest.IngestionService.Change;
import dev.groundwork.ingest.IngestionService.IngestOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * One file of an upload: its own HTTP status, what happened ({@code created}, {@code known} or
 * {@code rejected}), and the document it became, or the problem code and detail. An archive or a mailbox has its
 * members' outcomes in {@code members}; a {@code code} and {@code detail} beside an accepted one say why it could not be
 * read to its end.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UploadItem(String fileName, int status, String outcome, String id, String title, String contentType,
                  Long sizeBytes, Integer pages, Integer chunks, Instant addedAt, List<String> paths, String code,
                  String detail, List<UploadMember> members, Integer ocrPages, List<Integer> ocrFailedPages) {

    static UploadItem accepted(String fileName, IngestOutcome outcome) {
        DocumentRecord document = outcome.document();
        boolean created = outcome.change() == Change.CREATED;
        boolean container = IngestionService.isContainer(document);
        List<UploadMember> members = container
                ? outcome.members().stream().map(member -> UploadMember.of(document.fileName(), member)).toList() : null;
        return new UploadItem(fileName, created ? 201 : 200, created ? "created" : "known", document.id(),
                document.title(), document.contentType(), document.sizeBytes(), document.pages(), document.chunks(),
                document.addedAt(), document.paths(),
                outcome.damage() == null ? null : outcome.damage().reason().name(),
                outcome.damage() == null ? null : outcome.damage().detail(), members,
                document.ocrPages() == 0 ? null : document.ocrPages(),
                document.ocrFailedPages().isEmpty() ? null : document.ocrFailedPages());
    }

    /**
     * A file that was refused ({@code rejected}: the file's own fault, a 4xx) or could not be stored ({@code failed}:
     * a full disk), with the problem the API gives for it.
     */
    @SuppressWarnings("unchecked")
    static UploadItem refused(String fileName, ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties() == null ? Map.of() : problem.getProperties();
        return new UploadItem(fileName, problem.getStatus(), problem.getStatus() < 500 ? "rejected" : "failed", null,
                null, null, null, null, null, null, null, (String) properties.get("code"), problem.getDetail(),
                (List<UploadMember>) properties.get("members"), null, null);
    }
}
