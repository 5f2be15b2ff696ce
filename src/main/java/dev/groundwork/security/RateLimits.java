package dev.groundwork.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-caller rate limits on asking, searching and uploading (Bucket4j token buckets: a minute's worth at once, then
 * refilled evenly), so that one client cannot starve the others. The caller is the signed-in principal (the key,
 * the provider's subject), or the client address in {@code local}. Over the limit: 429 {@code RATE_LIMITED} with
 * {@code Retry-After}. Runs after authorization, so refused requests do not use up anyone's allowance.
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

    /** Past this many callers with buckets, idle (full) buckets are dropped: they hold nothing worth keeping. */
    private static final int TIDY_ABOVE = 10_000;

    private final Map<Kind, Integer> perMinute;
    private final boolean byAddress;
    private final TimeMeter time;
    private final Problems problems;
    private final Map<Kind, Map<String, Bucket>> buckets = Map.of(Kind.ASK, new ConcurrentHashMap<>(),
            Kind.SEARCH, new ConcurrentHashMap<>(), Kind.UPLOAD, new ConcurrentHashMap<>());

    RateLimits(SecuritySettings.Limits limits, SecurityMode mode, Clock clock, Problems problems) {
        this.perMinute = Map.of(Kind.ASK, limits.askPerMinute(), Kind.SEARCH, limits.searchPerMinute(),
                Kind.UPLOAD, limits.uploadPerMinute());
        this.byAddress = mode == SecurityMode.LOCAL;
        this.time = new ClockTime(clock);
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Kind kind = kindOf(request);
        if (kind != null) {
            ConsumptionProbe probe = bucket(kind, callerOf(request)).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
                response.setHeader("Retry-After", Long.toString(seconds));
                problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many "
                        + kind.words() + ": at most " + perMinute.get(kind) + " a minute; try again in " + seconds
                        + " s.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private Kind kindOf(HttpServletRequest request) {
        for (Kind kind : KINDS) {
            if (perMinute.get(kind) > 0 && kind.requests.matches(request)) {
                return kind;
            }
        }
        return null;
    }

    private String callerOf(HttpServletRequest request) {
        Actor actor = Actor.current();
        if (byAddress || !actor.known()) {
            return "address " + request.getRemoteAddr();
        }
        return actor.via() + " " + (actor.credential() != null ? actor.credential() : actor.name());
    }

    private Bucket bucket(Kind kind, String caller) {
        int capacity = perMinute.get(kind);
        Map<String, Bucket> ofKind = buckets.get(kind);
        if (ofKind.size() > TIDY_ABOVE) {
            ofKind.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacity);
        }
        return ofKind.computeIfAbsent(caller, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, Duration.ofMinutes(1)))
                .withCustomTimePrecision(time)
                .build());
    }

    /** Bucket4j's time from the application's clock, so that tests move time instead of waiting for it. */
    private record ClockTime(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
