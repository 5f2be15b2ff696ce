package dev.groundwork.web;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.StorageFullException;
import dev.groundwork.ingest.DocumentNotFoundException;
import dev.groundwork.ingest.IngestSettings;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.ingest.IngestionService.Change;
import dev.groundwork.ingest.IngestionService.IngestOutcome;
import dev.groundwork.ingest.RejectedDocumentException;
import dev.groundwork.security.Actor;
import dev.groundwork.security.AuditEntry;
import dev.groundwork.security.AuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload, list, read and delete documents; every upload and delete with its audit line. */
@RestController
@RequestMapping("/api/documents")
class DocumentController {

    private final IngestionService ingestion;
    private final IngestSettings settings;
    private final AuditLog audit;
    private final ProblemCounts counts;

    DocumentController(IngestionService ingestion, IngestSettings settings, AuditLog audit, ProblemCounts counts) {
        this.ingestion = ingestion;
        this.settings = settings;
        this.audit = audit;
        this.counts = counts;
    }

    /**
     * Each file is accepted or refused on its own. One file: the reply has that file's status (a refusal is
     * a problem detail). Several: 207 with each file's status and problem code.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@RequestPart(name = "files", required = false) List<MultipartFile> files) {
        if (files == null || files.isEmpty()) {
            throw new InvalidRequestException(HttpStatus.BAD_REQUEST, "NO_FILES",
                    "Send one or more files as multipart parts named 'files'.");
        }
        if (files.size() > settings.maxFilesPerRequest()) {
            throw new InvalidRequestException(HttpStatus.CONTENT_TOO_LARGE, "TOO_MANY_FILES",
                    "Send at most " + settings.maxFilesPerRequest() + " files per request.");
        }
        if (files.size() == 1) {
            IngestOutcome outcome = ingest(files.get(0));
            HttpStatus status = outcome.change() == Change.CREATED ? HttpStatus.CREATED : HttpStatus.OK;
            return ResponseEntity.status(status).body(new UploadResponse(List.of(item(files.get(0), outcome))));
        }
        List<UploadItem> items = new ArrayList<>(files.size());
        for (MultipartFile file : files) {
            try {
                items.add(item(file, ingest(file)));
            } catch (RejectedDocumentException | StorageFullException e) {
                // this file's own problem; the files before it are stored and indexed: say so, file by file
                ProblemDetail problem = ApiProblems.of(e);
                counts.refused(problem);
                items.add(UploadItem.refused(file.getOriginalFilename(), problem));
            }
        }
        return ResponseEntity.status(HttpStatus.MULTI_STATUS).body(new UploadResponse(items));
    }

    /** One file, and its audit line whatever becomes of it. */
    private IngestOutcome ingest(MultipartFile file) {
        AuditEntry entry = AuditEntry.of("upload", "failed").with("file", file.getOriginalFilename());
        try (InputStream content = file.getInputStream()) {
            IngestOutcome outcome = ingestion.upload(file.getOriginalFilename(), content, Actor.current().name());
            audit.record(new AuditEntry("upload", outcome.change() == Change.CREATED ? "created" : "known",
                    entry.details()).with("document", outcome.document().id()));
            return outcome;
        } catch (RejectedDocumentException e) {
            audit.record(new AuditEntry("upload", "rejected", entry.details()).with("code", e.reason().name()));
            throw e;
        } catch (IOException e) {
            audit.record(entry);
            throw new IllegalStateException("Cannot read the uploaded part " + file.getOriginalFilename(), e);
        } catch (RuntimeException e) {
            audit.record(entry.with("error", e.getClass().getSimpleName()));
            throw e;
        }
    }

    private static UploadItem item(MultipartFile file, IngestOutcome outcome) {
        return UploadItem.accepted(file.getOriginalFilename(), outcome);
    }

    @GetMapping
    DocumentListResponse list() {
        List<DocumentRecord> documents = ingestion.documents();
        Map<String, List<DocumentRecord>> members = IngestionService.membersOf(documents);
        return new DocumentListResponse(documents.stream()
                .map(document -> DocumentView.of(document, members.getOrDefault(document.id(), List.of()))).toList());
    }

    @GetMapping("/{id}")
    DocumentView get(@PathVariable String id) {
        DocumentRecord document = ingestion.find(id).orElseThrow(() -> new DocumentNotFoundException(id));
        if (!IngestionService.isContainer(document)) {
            return DocumentView.of(document, List.of());
        }
        List<DocumentRecord> documents = ingestion.documents();
        return DocumentView.of(document, IngestionService.membersOf(documents).getOrDefault(id, List.of()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        DocumentRecord deleted = ingestion.delete(id);
        audit.record(AuditEntry.of("delete", "deleted").with("document", id).with("file", deleted.fileName()));
        return ResponseEntity.noContent().build();
    }
}
