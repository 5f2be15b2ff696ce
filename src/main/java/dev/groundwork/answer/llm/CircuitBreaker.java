package dev.groundwork.answer.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a failing LLM for a while. Closed: every call goes through, and {@code failures} failed calls in a
 * row open it. Open: no call goes through until {@code openFor} has passed. Half-open: one trial call goes
 * through; its success closes the breaker, its failure opens it again.
 */
final class CircuitBreaker {

    /** The states, as the health endpoint shows them. */
    enum State { CLOSED, OPEN, HALF_OPEN }

    /** What the health endpoint shows. */
    record Snapshot(State state, int failuresInARow, Instant openUntil, String lastFailure) {
    }

    private final int failures;
    private final Duration openFor;
    private final Clock clock;

    private State state = State.CLOSED;
    private int failuresInARow;
    private Instant openUntil;
    private String lastFailure;
    private boolean trialInFlight;

    CircuitBreaker(int failures, Duration openFor, Clock clock) {
        this.failures = failures;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go out now; in half-open state only the first caller gets to try. */
    synchronized boolean tryAcquire() {
        if (state == State.OPEN && !clock.instant().isBefore(openUntil)) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    synchronized void recordSuccess() {
        state = State.CLOSED;
        failuresInARow = 0;
        openUntil = null;
        trialInFlight = false;
    }

    synchronized void recordFailure(String reason) {
        failuresInARow++;
        lastFailure = reason;
        trialInFlight = false;
        if (state == State.HALF_OPEN || failuresInARow >= failures) {
            state = State.OPEN;
            openUntil = clock.instant().plus(openFor);
        }
    }

    /** A call that went out and ended neither well nor badly (the client left): frees the half-open trial. */
    synchronized void recordIgnored() {
        trialInFlight = false;
    }

    synchronized Snapshot snapshot() {
        if (state == State.OPEN && !clock.instant().isBefore(openUntil)) {
            return new Snapshot(State.HALF_OPEN, failuresInARow, openUntil, lastFailure);
        }
        return new Snapshot(state, failuresInARow, openUntil, lastFailure);
    }
}
