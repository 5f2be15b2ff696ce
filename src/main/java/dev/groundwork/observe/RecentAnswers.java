package dev.groundwork.observe;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The answers of the last hour, for the two figures the page shows at a glance: how many, and their median time.
 * Prometheus answers the same over any window from the cumulative counters; the page has no Prometheus to ask.
 * Holds at most {@link #LIMIT} answers: past that the oldest go first, and the count says "at least".
 */
public final class RecentAnswers {

    static final int LIMIT = 100_000;
    private static final Duration WINDOW = Duration.ofHours(1);

    /** How many answers the last hour saw, whether more were dropped, and their median time (null if none). */
    public record Summary(int answered, boolean capped, Long medianMs) {
    }

    private record Entry(long atMillis, long tookMs) {
    }

    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private boolean capped;

    RecentAnswers(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(long tookMs) {
        long now = clock.millis();
        prune(now);
        if (entries.size() == LIMIT) {
            entries.removeFirst();
            capped = true;
        }
        entries.addLast(new Entry(now, tookMs));
    }

    synchronized Summary summary() {
        prune(clock.millis());
        if (entries.isEmpty()) {
            capped = false;
            return new Summary(0, false, null);
        }
        long[] times = entries.stream().mapToLong(Entry::tookMs).toArray();
        Arrays.sort(times);
        int middle = times.length / 2;
        long median = times.length % 2 == 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
        return new Summary(times.length, capped, median);
    }

    private void prune(long now) {
        long from = now - WINDOW.toMillis();
        while (!entries.isEmpty() && entries.peekFirst().atMillis() < from) {
            entries.removeFirst();
        }
    }
}
