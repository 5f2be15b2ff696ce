package dev.groundwork.index;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the Lucene index lives and how it behaves.
 *
 * @param dir             the index folder; derived data, rebuilt from the ingest folder when missing. It holds the
 *                        index's generations ({@code gen-NNNNNN/}) and {@code CURRENT}, naming the one that serves
 * @param refreshInterval how often searches are brought up to date with writes not yet committed
 * @param ramBufferMb     memory the writer fills before it flushes a segment
 * @param contextBoost    weight of a match in a chunk's document title and heading path, against 1 for its text
 * @param vectorFormat    how the HNSW graph stores vectors for search: {@code float} (exact scores) or {@code int7}
 *                        (scalar-quantized to a byte per dimension: a quarter of the memory to search, slightly
 *                        lower recall); the float vectors stay on disk either way. Segments written with the other
 *                        format stay readable and are rewritten as they merge
 */
public record IndexSettings(
        @DefaultValue("index") @NotNull Path dir,
        @DefaultValue("1s") @NotNull Duration refreshInterval,
        @DefaultValue("64") @Min(8) int ramBufferMb,
        @DefaultValue("0.5") @DecimalMin("0.0") double contextBoost,
        @DefaultValue("float") VectorFormat vectorFormat) {

    /** How vectors are stored for the HNSW search. */
    public enum VectorFormat { FLOAT, INT7 }

    public IndexSettings {
        vectorFormat = vectorFormat == null ? VectorFormat.FLOAT : vectorFormat;
    }
}
