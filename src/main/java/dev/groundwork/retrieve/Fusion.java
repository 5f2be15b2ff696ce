package dev.groundwork.retrieve;

/**
 * How the BM25 list and the vector list are fused into one ranking.
 * <ul>
 *   <li>{@link #RRF}: weighted reciprocal rank fusion, {@code w / (k + rank)} from each list; looks at ranks only.</li>
 *   <li>{@link #MIN_MAX}: each list's scores scaled to 0..1 over its own candidates, then added with the weights
 *       (a chunk missing from a list gets 0 from it).</li>
 *   <li>{@link #Z_SCORE}: each list's scores standardised over its own candidates, then added with the weights
 *       (a chunk missing from a list gets that list's lowest standard score).</li>
 * </ul>
 * Score fusion keeps how far apart two candidates are, which rank fusion throws away: a chunk that one list
 * finds far better than the rest is not pulled level with one the other list barely prefers.
 */
public enum Fusion {
    RRF, MIN_MAX, Z_SCORE
}
