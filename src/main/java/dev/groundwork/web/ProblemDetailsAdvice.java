package dev.groundwork.web;

import dev.groundwork.index.IndexUnavailableException;
import dev.groundwork.ingest.DocumentInSourceException;
import dev.groundwork.index.StorageFullException;
import dev.groundwork.ingest.DocumentNotFoundException;
import dev.groundwork.ingest.ParserUnavailableException;
import dev.groundwork.ingest.RejectedDocumentException;
import dev.groundwork.retrieve.InvalidQueryException;
import dev.groundwork.schedule.SyncRunningException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps every failure to an RFC 9457 problem detail with a stable {@code code}. Errors Spring raises itself
 * (a missing parameter, a wrong method) get a code too; anything unexpected is a 500 that tells nothing of
 * the inside.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TOO_MANY_PARTS =
            "The request has more parts than the limit allows; send fewer files per request.";

    @ExceptionHandler(RejectedDocumentException.class)
    ResponseEntity<ProblemDetail> rejected(RejectedDocumentException e) {
        return respond(UploadStatus.of(e.reason()), e.reason().name(), e.getMessage());
    }

    @ExceptionHandler(DocumentNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(DocumentNotFoundException e) {
        return respond(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage());
    }

    @ExceptionHandler(InvalidQueryException.class)
    ResponseEntity<ProblemDetail> invalidQuery(InvalidQueryException e) {
        return respond(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        return respond(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(SyncRunningException.class)
    ResponseEntity<ProblemDetail> syncRunning(SyncRunningException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.CONFLICT, "REINDEX_RUNNING", e.getMessage());
        // not "status": RFC 9457 keeps that member for the HTTP status code
        problem.setProperty("job", e.status());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(DocumentInSourceException.class)
    ResponseEntity<ProblemDetail> inSource(DocumentInSourceException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.CONFLICT, "DOCUMENT_IN_SOURCE", e.getMessage());
        problem.setProperty("paths", e.paths());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(IndexUnavailableException.class)
    ResponseEntity<ProblemDetail> indexUnavailable(IndexUnavailableException e) {
        log.error("Index unavailable: {}", e.getMessage(), e);
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "INDEX_UNAVAILABLE",
                "The index cannot be used right now; try again later.");
    }

    @ExceptionHandler(StorageFullException.class)
    ResponseEntity<ProblemDetail> storageFull(StorageFullException e) {
        log.warn("Write refused: {}", e.getMessage());
        return respond(HttpStatus.INSUFFICIENT_STORAGE, ApiProblems.INSUFFICIENT_STORAGE, e.getMessage());
    }

    @ExceptionHandler(ParserUnavailableException.class)
    ResponseEntity<ProblemDetail> parserUnavailable(ParserUnavailableException e) {
        log.error("Parser unavailable: {}", e.getMessage(), e);
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "PARSER_UNAVAILABLE",
                "Documents cannot be read right now; try again later.");
    }

    /** A multipart body Tomcat would not read: too many parts, or nowhere to put them. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        if (causedBy(e, "FileCountLimitExceededException")) {
            return respond(HttpStatus.CONTENT_TOO_LARGE, "TOO_MANY_FILES", TOO_MANY_PARTS);
        }
        if (StorageFullException.isCause(e, Path.of(System.getProperty("java.io.tmpdir")))) {
            log.warn("Upload refused, no space for its parts: {}", e.getMessage());
            return respond(HttpStatus.INSUFFICIENT_STORAGE, ApiProblems.INSUFFICIENT_STORAGE,
                    "The disk that holds uploads while they arrive is full; free some space and try again.");
        }
        return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The multipart request could not be read.");
    }

    private static boolean causedBy(Throwable e, String simpleName) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure: {}", e.getMessage(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side; the error has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring reports Tomcat's part count limit as a size limit: tell the two apart for the client.
        ProblemDetail problem = causedBy(e, "FileCountLimitExceededException")
                ? ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, "TOO_MANY_FILES", TOO_MANY_PARTS)
                : ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE", "The upload is larger than the limit"
                        + (e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() + " bytes." : "."));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    /** A JSON body past the parser's limits (size, nesting; {@link JsonLimits}) is too large, not malformed. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(e, "StreamConstraintsException")) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "TOO_LARGE", "The JSON body is over the limits: too large, or nested more than "
                            + JsonLimits.MAX_NESTING + " deep."));
        }
        return super.handleHttpMessageNotReadable(e, headers, status, request);
    }

    /** Gives the problems Spring builds for its own exceptions a code of their own. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeFor(status));
        }
        return response;
    }

    private static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "TOO_LARGE";
            case 507 -> ApiProblems.INSUFFICIENT_STORAGE;
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 503 -> "UNAVAILABLE";
            default -> status.is4xxClientError() ? "BAD_REQUEST" : "INTERNAL_ERROR";
        };
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, String code, String detail) {
        return ResponseEntity.status(status).body(ApiProblems.of(status, code, detail));
    }
}
