package dev.groundwork.index;

/** Counts for health checks and the statistics panel. */
public record IndexStats(long documents, long chunks, String directory) {
}
