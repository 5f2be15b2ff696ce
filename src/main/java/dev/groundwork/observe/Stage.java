package dev.groundwork.observe;

import io.micrometer.observation.Observation;

/**
 * One stage under way: an observation started and in scope on this thread. What the API reports of a stage
 * ({@link #millis()}) is read here, between the same two calls that start and stop the observation, so the figure
 * on {@code /actuator/prometheus} and the one in a reply measure one interval.
 */
public final class Stage implements AutoCloseable {

    private final Observation observation;
    private final Observation.Scope scope;
    private final long startedNanos;
    private long elapsedNanos = -1;

    Stage(Observation observation) {
        this.startedNanos = System.nanoTime();
        this.observation = observation.start();
        this.scope = this.observation.openScope();
    }

    /** Tags the stage (a bounded set of values: an outcome, a reason code). */
    public Stage tag(String key, String value) {
        observation.lowCardinalityKeyValue(key, value);
        return this;
    }

    /** Marks the stage failed; it is still to be closed. */
    public Stage failed(Throwable error) {
        observation.error(error);
        return this;
    }

    /** Stops the stage, once; returns how long it took in nanoseconds. */
    public long stop() {
        if (elapsedNanos < 0) {
            elapsedNanos = System.nanoTime() - startedNanos;
            scope.close();
            observation.stop();
        }
        return elapsedNanos;
    }

    /** How long the stage took, in whole milliseconds; stops it if it still runs. */
    public long millis() {
        return stop() / 1_000_000;
    }

    @Override
    public void close() {
        stop();
    }
}
