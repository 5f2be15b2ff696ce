package dev.groundwork.web;

import dev.groundwork.security.OpenAiErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every failure of a JSON request with its problem detail, as {@link ApiProblems} maps it. Errors Spring
 * raises itself (a missing parameter, a wrong method) get a code too; anything unexpected is a 500 that tells nothing
 * of the inside.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private final ProblemCounts counts;

    ProblemDetailsAdvice(ProblemCounts counts) {
        this.counts = counts;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failed(Exception e, WebRequest request) {
        ProblemDetail problem = ApiProblems.of(e);
        count(request, problem);
        return shaped(ResponseEntity.status(problem.getStatus()).body(problem), request);
    }

    /** On the OpenAI-compatible paths, a problem goes out in OpenAI's error shape, which their clients read. */
    static ResponseEntity<Object> shaped(ResponseEntity<Object> response, WebRequest request) {
        if (response == null || !(response.getBody() instanceof ProblemDetail problem)
                || !(request instanceof ServletWebRequest servlet) || !OpenAiErrors.applies(servlet.getRequest())) {
            return response;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(OpenAiErrors.body(problem.getStatus(), codeOf(problem), problem.getDetail(),
                problem.getProperties() == null ? null : (String) problem.getProperties().get("param")), headers,
                response.getStatusCode());
    }

    private static String codeOf(ProblemDetail problem) {
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        return code == null ? codeFor(HttpStatusCode.valueOf(problem.getStatus())) : code.toString();
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring reports Tomcat's part count limit as a size limit: tell the two apart for the client.
        ProblemDetail problem = ApiProblems.causedBy(e, "FileCountLimitExceededException")
                ? ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, "TOO_MANY_FILES", ApiProblems.TOO_MANY_PARTS)
                : ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE", "The upload is larger than the limit"
                        + (e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() + " bytes." : "."));
        count(request, problem);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    /** A JSON body past the parser's limits (size, nesting; {@link JsonLimits}) is too large, not malformed. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ApiProblems.causedBy(e, "StreamConstraintsException")) {
            return shaped(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ApiProblems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "TOO_LARGE", "The JSON body is over the limits: too large, or nested more than "
                            + JsonLimits.MAX_NESTING + " deep.")), request);
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
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            count(request, problem);
        }
        return shaped(response, request);
    }

    private void count(WebRequest request, ProblemDetail problem) {
        if (request instanceof ServletWebRequest servlet) {
            counts.answered(servlet.getRequest(), problem);
        }
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
}
