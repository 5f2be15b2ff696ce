package dev.groundwork.web;

import dev.groundwork.answer.ConversationNotFoundException;
import dev.groundwork.embed.EncoderUnavailableException;
import dev.groundwork.index.IndexUnavailableException;
import dev.groundwork.index.StorageFullException;
import dev.groundwork.ingest.DocumentInArchiveException;
import dev.groundwork.ingest.DocumentInSourceException;
import dev.groundwork.ingest.DocumentNotFoundException;
import dev.groundwork.ingest.ParserUnavailableException;
import dev.groundwork.ingest.RejectedContainerException;
import dev.groundwork.ingest.RejectedDocumentException;
import dev.groundwork.retrieve.InvalidQueryException;
import dev.groundwork.security.Problems;
import dev.groundwork.sync.NotSyncLeaderException;
import dev.groundwork.sync.SyncRunningException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.multipart.MultipartException;

/**
 * RFC 9457 problem details with the stable {@code code} clients switch on, and the one mapping from failures to them:
 * JSON replies ({@link ProblemDetailsAdvice}), the {@code error} event of a stream ({@link AnswerStreams}) and the
 * result of each file of an upload ({@link DocumentController}) all take their problem from {@link #of(Throwable)}.
 * A failure of the service says nothing of its inside; it is logged instead.
 */
final class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** The code of a write refused because the disk is full (507). */
    static final String INSUFFICIENT_STORAGE = "INSUFFICIENT_STORAGE";
    static final String TOO_MANY_PARTS =
            "The request has more parts than the limit allows; send fewer files per request.";

    private ApiProblems() {
    }

    static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        return Problems.of(status, code, detail);
    }

    /** The problem a failure is answered with, wherever it happened. */
    static ProblemDetail of(Throwable failure) {
        if (failure instanceof RejectedContainerException container) {
            ProblemDetail problem = of(UploadStatus.of(container.reason()), container.reason().name(),
                    container.getMessage());
            problem.setProperty("members", container.members().stream()
                    .map(member -> UploadMember.of(container.fileName(), member)).toList());
            return problem;
        }
        if (failure instanceof RejectedDocumentException rejected) {
            return of(UploadStatus.of(rejected.reason()), rejected.reason().name(), rejected.getMessage());
        }
        if (failure instanceof DocumentNotFoundException) {
            return of(HttpStatus.NOT_FOUND, "NOT_FOUND", failure.getMessage());
        }
        if (failure instanceof ConversationNotFoundException) {
            return of(HttpStatus.NOT_FOUND, "CONVERSATION_NOT_FOUND", failure.getMessage());
        }
        if (failure instanceof InvalidQueryException invalid) {
            return of(HttpStatus.BAD_REQUEST, invalid.code(), invalid.getMessage());
        }
        if (failure instanceof InvalidRequestException invalid) {
            ProblemDetail problem = of(invalid.status(), invalid.code(), invalid.getMessage());
            if (invalid.param() != null) {
                problem.setProperty("param", invalid.param());
            }
            return problem;
        }
        if (failure instanceof SyncRunningException running) {
            ProblemDetail problem = of(HttpStatus.CONFLICT, "REINDEX_RUNNING", running.getMessage());
            // not "status": RFC 9457 keeps that member for the HTTP status code
            problem.setProperty("job", running.status());
            return problem;
        }
        if (failure instanceof NotSyncLeaderException notLeader) {
            ProblemDetail problem = of(HttpStatus.CONFLICT, "NOT_SYNC_LEADER", notLeader.getMessage());
            problem.setProperty("leader", notLeader.leader());
            return problem;
        }
        if (failure instanceof DocumentInSourceException inSource) {
            ProblemDetail problem = of(HttpStatus.CONFLICT, "DOCUMENT_IN_SOURCE", inSource.getMessage());
            problem.setProperty("paths", inSource.paths());
            return problem;
        }
        if (failure instanceof DocumentInArchiveException inArchive) {
            ProblemDetail problem = of(HttpStatus.CONFLICT, "DOCUMENT_IN_ARCHIVE", inArchive.getMessage());
            problem.setProperty("paths", inArchive.paths());
            return problem;
        }
        if (failure instanceof StorageFullException) {
            log.warn("Write refused: {}", failure.getMessage());
            return of(HttpStatus.INSUFFICIENT_STORAGE, INSUFFICIENT_STORAGE, failure.getMessage());
        }
        if (failure instanceof IndexUnavailableException) {
            log.error("Index unavailable: {}", failure.getMessage(), failure);
            return of(HttpStatus.SERVICE_UNAVAILABLE, "INDEX_UNAVAILABLE",
                    "The index cannot be used right now; try again later.");
        }
        if (failure instanceof ParserUnavailableException) {
            log.error("Parser unavailable: {}", failure.getMessage(), failure);
            return of(HttpStatus.SERVICE_UNAVAILABLE, "PARSER_UNAVAILABLE",
                    "Documents cannot be read right now; try again later.");
        }
        if (failure instanceof EncoderUnavailableException) {
            log.error("Encoder unavailable: {}", failure.getMessage(), failure);
            return of(HttpStatus.SERVICE_UNAVAILABLE, "ENCODER_UNAVAILABLE",
                    "The encoder cannot be used right now; try again later.");
        }
        if (failure instanceof MultipartException multipart) {
            return multipart(multipart);
        }
        log.error("Unexpected failure: {}", failure.getMessage(), failure);
        return of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side; the error has been logged.");
    }

    /** A multipart body Tomcat would not read: too many parts, or nowhere to put them. */
    private static ProblemDetail multipart(MultipartException e) {
        if (causedBy(e, "FileCountLimitExceededException")) {
            return of(HttpStatus.CONTENT_TOO_LARGE, "TOO_MANY_FILES", TOO_MANY_PARTS);
        }
        if (StorageFullException.isCause(e, Path.of(System.getProperty("java.io.tmpdir")))) {
            log.warn("Upload refused, no space for its parts: {}", e.getMessage());
            return of(HttpStatus.INSUFFICIENT_STORAGE, INSUFFICIENT_STORAGE,
                    "The disk that holds uploads while they arrive is full; free some space and try again.");
        }
        return of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The multipart request could not be read.");
    }

    /** Whether a failure, or one of its causes, is of the class of this simple name (one not on the classpath here). */
    static boolean causedBy(Throwable e, String simpleName) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }
}
