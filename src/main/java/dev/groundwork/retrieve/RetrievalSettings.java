package dev.groundwork.retrieve;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a question finds its chunks. The defaults were chosen with the evaluation command on two public sets
 * (BENCHMARKS.md, "Retrieval quality"): z-score fusion of equally weighted lists beat BM25 alone, vectors alone
 * and rank fusion on both.
 *
 * @param candidates    how many chunks each list (BM25, vectors) contributes before fusion
 * @param rrfK          the k of reciprocal rank fusion (fusion {@code rrf} only): larger flattens the difference
 *                      between ranks
 * @param topK          chunks returned when the caller does not say
 * @param maxTopK       the most chunks a caller may ask for
 * @param maxQueryChars longer questions are refused
 * @param textWeight    weight of the BM25 list in the fusion
 * @param vectorWeight  weight of the vector list in the fusion
 * @param fusion        how the two lists are fused: rank fusion ({@code rrf}) or normalised scores
 *                      ({@code min-max}, {@code z-score}); see {@link Fusion}
 * @param documentWeight how much a chunk's document's score (the mean of its best fused chunk scores) adds to
 *                      its own; 0 ranks chunks alone (see {@link DocumentRanking})
 * @param chunksPerPage the most chunks one page gives before every other candidate page has given its own
 */
public record RetrievalSettings(
        @DefaultValue("50") @Min(1) @Max(1000) int candidates,
        @DefaultValue("20") @Min(1) int rrfK,
        @DefaultValue("5") @Min(1) int topK,
        @DefaultValue("50") @Min(1) @Max(1000) int maxTopK,
        @DefaultValue("2000") @Min(10) int maxQueryChars,
        @DefaultValue("1.0") @DecimalMin("0.0") double textWeight,
        @DefaultValue("1.0") @DecimalMin("0.0") double vectorWeight,
        @DefaultValue("z-score") Fusion fusion,
        @DefaultValue("1.0") @DecimalMin("0.0") double documentWeight,
        @DefaultValue("1") @Min(1) int chunksPerPage) {

    public RetrievalSettings {
        fusion = fusion == null ? Fusion.Z_SCORE : fusion;
    }
}
