package dev.groundwork.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-caller rate limits on asking, searching and uploading over the API, so that one client cannot starve the
 * others: each request takes from the caller's allowance of its kind in the {@link RateLimiter}. Over the limit: 429
 * {@code RATE_LIMITED} with {@code Retry-After}. Runs after authorization, so refused requests do not use up anyone's
 * allowance.
 */
final class RateLimits extends OncePerRequestFilter {

    /** What is limited, and the requests that count against it. */
    enum Kind {
        ASK(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/ask"),
                PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/ask/stream"),
                PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/v1/chat/completions")),
        SEARCH(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/search")),
        UPLOAD(PathPatternRequestMatcher.pathPattern(HttpMethod.POST, "/api/documents"));

        private final RequestMatcher requests;

        Kind(RequestMatcher... requests) {
            this.requests = new OrRequestMatcher(requests);
        }

        String words() {
            return switch (this) {
                case ASK -> "questions";
                case SEARCH -> "searches";
                case UPLOAD -> "uploads";
            };
        }
    }

    private static final Kind[] KINDS = Kind.values();

    private final RateLimiter limiter;
    private final Problems problems;

    RateLimits(RateLimiter limiter, Problems problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Kind kind = kindOf(request);
        if (kind != null) {
            long seconds = limiter.secondsToWait(kind, limiter.caller(request.getRemoteAddr()));
            if (seconds > 0) {
                response.setHeader("Retry-After", Long.toString(seconds));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                        limiter.refusal(kind, seconds));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Kind kindOf(HttpServletRequest request) {
        for (Kind kind : KINDS) {
            if (limiter.limits(kind) && kind.requests.matches(request)) {
                return kind;
            }
        }
        return null;
    }
}
