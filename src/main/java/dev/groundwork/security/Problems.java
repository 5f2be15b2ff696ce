package dev.groundwork.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details with a stable {@code code}: the one shape of the API's problems, and the one writer of
 * refusals made before a controller runs (in filters and Spring Security's handlers, and the request size limits of
 * {@code web}); on the OpenAI-compatible paths, the same in OpenAI's error shape ({@link OpenAiErrors}).
 */
public final class Problems {

    /** The request attribute that tells the audit log which problem a refused write got. */
    static final String CODE_ATTRIBUTE = Problems.class.getName() + ".code";

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setType(URI.create("https://groundwork.dev/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", code);
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        request.setAttribute(CODE_ATTRIBUTE, code);
        response.setStatus(status.value());
        byte[] body;
        if (OpenAiErrors.applies(request)) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            body = json.writeValueAsBytes(OpenAiErrors.body(status.value(), code, detail, null));
        } else {
            ProblemDetail problem = of(status, code, detail);
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            body = json.writeValueAsBytes(problem);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
