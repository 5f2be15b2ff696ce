package dev.groundwork.ingest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How documents are cut into chunks, measured in tokens of the encoder's own tokenizer.
 *
 * @param chunkTokens   the most tokens of source text in one chunk; never more than the encoder's window
 *                      leaves after the title prefix
 * @param overlapTokens how much of the end of a chunk the next one repeats (whole sentences)
 * @param titlePrefix   whether the embedded text starts with the document's identity (title and about), heading path (or its page's first words)
 */
public record SplitSettings(
        @DefaultValue("256") @Min(16) @Max(8192) int chunkTokens,
        @DefaultValue("38") @Min(0) int overlapTokens,
        @DefaultValue("true") boolean titlePrefix) {

    @AssertTrue(message = "overlap-tokens must be less than half of chunk-tokens")
    boolean isOverlapSmallerThanHalfAChunk() {
        return overlapTokens * 2 < chunkTokens;
    }
}
