package dev.groundwork.security;

import dev.groundwork.security.RateLimits.Kind;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The per-caller allowances (Bucket4j token buckets: a minute's worth at once, then refilled evenly) of asking,
 * searching and uploading, shared by every way in: the API's requests ({@link RateLimits}) and the MCP server's tool
 * calls take from the same buckets, so a caller cannot double its allowance by switching protocols. The caller is
 * the signed-in principal (the key, the provider's subject), or the client address in {@code local}.
 */
public final class RateLimiter {

    /** Past this many callers with buckets, idle (full) buckets are dropped: they hold nothing worth keeping. */
    private static final int TIDY_ABOVE = 10_000;

    private final Map<Kind, Integer> perMinute;
    private final boolean byAddress;
    private final TimeMeter time;
    private final Map<Kind, Map<String, Bucket>> buckets = Map.of(Kind.ASK, new ConcurrentHashMap<>(),
            Kind.SEARCH, new ConcurrentHashMap<>(), Kind.UPLOAD, new ConcurrentHashMap<>());

    RateLimiter(SecuritySettings.Limits limits, SecurityMode mode, Clock clock) {
        this.perMinute = Map.of(Kind.ASK, limits.askPerMinute(), Kind.SEARCH, limits.searchPerMinute(),
                Kind.UPLOAD, limits.uploadPerMinute());
        this.byAddress = mode == SecurityMode.LOCAL;
        this.time = new ClockTime(clock);
    }

    /** Whose allowance a call takes from: told on the request's thread, where its sign-in is known. */
    public record Caller(String name) {
    }

    /**
     * The caller of this thread's request.
     *
     * @param address the client's address, which names the caller in {@code local} and when no one signed in
     */
    public Caller caller(String address) {
        Actor actor = Actor.current();
        if (byAddress || !actor.known()) {
            return new Caller("address " + address);
        }
        return new Caller(actor.via() + " " + (actor.credential() != null ? actor.credential() : actor.name()));
    }

    /** @throws RateLimitedException past the caller's {@code ask-per-minute} */
    public void takeQuestion(Caller caller) {
        take(Kind.ASK, caller);
    }

    /** @throws RateLimitedException past the caller's {@code search-per-minute} */
    public void takeSearch(Caller caller) {
        take(Kind.SEARCH, caller);
    }

    private void take(Kind kind, Caller caller) {
        long seconds = secondsToWait(kind, caller);
        if (seconds > 0) {
            throw new RateLimitedException(refusal(kind, seconds));
        }
    }

    boolean limits(Kind kind) {
        return perMinute.get(kind) > 0;
    }

    /** 0 when the caller may go ahead (one taken from its bucket), else the seconds until it may. */
    long secondsToWait(Kind kind, Caller caller) {
        if (!limits(kind)) {
            return 0;
        }
        ConsumptionProbe probe = bucket(kind, caller.name()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
    }

    String refusal(Kind kind, long seconds) {
        return "Too many " + kind.words() + ": at most " + perMinute.get(kind) + " a minute; try again in " + seconds
                + " s.";
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
