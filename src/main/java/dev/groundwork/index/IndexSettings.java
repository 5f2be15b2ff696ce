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
 */
public record IndexSettings(
        @DefaultValue("index") @NotNull Path dir,
        @DefaultValue("1s") @NotNull Duration refreshInterval,
        @DefaultValue("64") @Min(8) int ramBufferMb,
        @DefaultValue("0.5") @DecimalMin("0.0") double contextBoost) {
}
