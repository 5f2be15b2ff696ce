package dev.groundwork.web;

import dev.groundwork.observe.Outcomes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Counts the problems questions and uploads are answered with, by code: a question that failed ({@code
 * groundwork.questions{outcome="error"}}), a file refused ({@code groundwork.documents.changed{change="refused"}}).
 * Refusals made before a request reaches the application (sign-in, role, rate limit, the size of the request) are
 * in {@code http.server.requests} by status.
 */
@Component
class ProblemCounts {

    private final Outcomes outcomes;

    ProblemCounts(Outcomes outcomes) {
        this.outcomes = outcomes;
    }

    /** A request answered with a problem. */
    void answered(HttpServletRequest request, ProblemDetail problem) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/ask") || path.equals("/api/ask/stream") || path.equals("/v1/chat/completions")) {
            question(problem);
        } else if (path.equals("/api/documents") && "POST".equals(request.getMethod())) {
            refused(problem);
        }
    }

    /** A question that failed, in a stream after it opened or before. */
    void question(ProblemDetail problem) {
        outcomes.questionFailed(codeOf(problem));
    }

    /** One file of an upload refused. */
    void refused(ProblemDetail problem) {
        outcomes.document(Outcomes.Change.REFUSED, codeOf(problem), "upload");
    }

    private static String codeOf(ProblemDetail problem) {
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        return code == null ? "UNKNOWN" : code.toString();
    }
}
