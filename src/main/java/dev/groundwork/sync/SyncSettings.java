package dev.groundwork.sync;

import dev.groundwork.ingest.SourcePath;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;

/**
 * How the index is kept in line with the source folders.
 *
 * @param cron         when a sync runs, as a Spring cron expression (second minute hour day month weekday);
 *                     {@code -} switches the schedule off ({@code POST /api/reindex} still works)
 * @param onStartup    whether a sync runs as soon as the service is up (it builds a missing index)
 * @param rehashAfter  how long an unchanged size, modification time and inode may stand in for reading a file's
 *                     bytes again; {@code 0} reads every file on every run
 * @param retryMaxRuns a file that keeps failing with the same bytes is tried on the next run, then after 2, 4, 8...
 *                     runs, and at least every this many runs (a manual trigger tries every failed file)
 * @param sources      folders indexed besides the ingest folder
 */
public record SyncSettings(
        @DefaultValue("0 */5 * * * *") @NotNull String cron,
        @DefaultValue("true") boolean onStartup,
        @DefaultValue("24h") @NotNull Duration rehashAfter,
        @DefaultValue("12") @Min(1) @Max(100_000) int retryMaxRuns,
        @Valid List<Source> sources) {

    /** The value of {@code cron} that switches the schedule off. */
    public static final String OFF = "-";

    public SyncSettings {
        cron = cron == null ? null : cron.strip();
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public boolean scheduled() {
        return !OFF.equals(cron);
    }

    @AssertTrue(message = "cron must be a Spring cron expression (six fields, e.g. '0 */5 * * * *') or '-' for off")
    boolean isCronValid() {
        return !scheduled() || CronExpression.isValidExpression(cron);
    }

    @AssertTrue(message = "rehash-after must not be negative")
    boolean isRehashAfterValid() {
        return !rehashAfter.isNegative();
    }

    @AssertTrue(message = "each source needs a name of its own")
    boolean isEachNameUnique() {
        return new HashSet<>(sources.stream().map(Source::name).toList()).size() == sources.size();
    }

    /**
     * A folder indexed besides the ingest folder. Its files are recorded as {@code //name/relative/path}. Groundwork
     * only reads it: documents from it cannot be deleted through the API (remove or exclude the file instead).
     *
     * @param name    short name, recorded in the documents' paths: lower-case letters, digits, '-', '_'; not "ingest"
     * @param dir     the folder; symbolic links inside it are not followed
     * @param include glob patterns (relative to {@code dir}, '/' separators) a file must match one of; {@code **}
     *                by default. A leading {@code **}{@code /} also matches at the top level
     * @param exclude glob patterns a file must match none of
     */
    public record Source(String name, Path dir, List<String> include, List<String> exclude) {

        public Source {
            include = include == null || include.isEmpty() ? List.of("**") : List.copyOf(include);
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
        }

        @AssertTrue(message = "name must be lower-case letters, digits, '-' or '_' (at most 64), and not 'ingest'")
        boolean isNameValid() {
            return SourcePath.isValidName(name);
        }

        @AssertTrue(message = "dir must be set")
        boolean isDirSet() {
            return dir != null;
        }

        @AssertTrue(message = "include and exclude must be valid glob patterns")
        boolean isEachGlobValid() {
            try {
                Globs.of(include);
                Globs.of(exclude);
                return include.stream().allMatch(Objects::nonNull);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
