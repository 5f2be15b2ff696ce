package dev.groundwork.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes sure every write gets its audit line: a write the controller recorded has one; any other (refused before
 * it ran, failed, or done by Spring Security itself such as signing out) gets one here, with its status and
 * problem code.
 */
final class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog audit;

    AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    /** A question is posted, but changes nothing: on the API and on the OpenAI-compatible endpoint. */
    private static final RequestMatcher QUESTION = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/ask");
    private static final RequestMatcher CHAT_QUESTION =
            PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/v1/chat/completions");
    /** The MCP server's tools search, answer and read: a tool call is posted, but changes nothing either. */
    private static final RequestMatcher TOOL_CALL = PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/mcp");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || QUESTION.matches(request) || CHAT_QUESTION.matches(request)
                || TOOL_CALL.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the caller as the session tells (signing out forgets it), else as the request proved itself on the way
        Actor before = Actor.current();
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.getAttribute(AuditLog.RECORDED) == null) {
                Actor after = Actor.current();
                audit.record(entryFor(request, response.getStatus())
                        .with("status", response.getStatus())
                        .with("code", request.getAttribute(Problems.CODE_ATTRIBUTE)),
                        after.known() ? after : before, request.getRemoteAddr());
            }
        }
    }

    private static AuditEntry entryFor(HttpServletRequest request, int status) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        String outcome = status >= 500 ? "failed" : status >= 400 ? "refused" : "done";
        if (path.equals("/api/documents") && method.equals("POST")) {
            return AuditEntry.of("upload", outcome);
        }
        if (path.startsWith("/api/documents/") && method.equals("DELETE")) {
            return AuditEntry.of("delete", outcome).with("document", path.substring("/api/documents/".length()));
        }
        if (path.equals("/api/reindex") && method.equals("POST")) {
            return AuditEntry.of("reindex", outcome);
        }
        if (path.equals("/api/keys") && method.equals("POST")) {
            return AuditEntry.of("key-create", outcome);
        }
        if (path.startsWith("/api/keys/") && method.equals("DELETE")) {
            return AuditEntry.of("key-revoke", outcome).with("key", path.substring("/api/keys/".length()));
        }
        if (path.equals("/api/session")) {
            return AuditEntry.of(method.equals("DELETE") ? "sign-out" : "sign-in", outcome);
        }
        return AuditEntry.of("write", outcome).with("method", method).with("path", path);
    }
}
