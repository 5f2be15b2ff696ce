package dev.groundwork.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The limits one parse runs under, in a form a worker process can be given on its command line.
 *
 * @param maxCharacters       text characters a document may yield
 * @param maxPages            pages (PDF pages, slides)
 * @param maxEmbeddedDepth    how deep attachments and embedded files may nest
 * @param maxEmbeddedCount    attachments and embedded files in all
 * @param maxCompressionRatio characters of text per byte of file, once past Tika's first million characters
 * @param maxNestingDepth     XML or HTML element nesting
 * @param maxEntityExpansions XML entity expansions per document
 * @param maxFileSize         bytes of a file, and of a file unpacked from an archive or an Office package
 */
record ParseLimits(long maxCharacters, int maxPages, int maxEmbeddedDepth, int maxEmbeddedCount,
                   long maxCompressionRatio, int maxNestingDepth, int maxEntityExpansions, long maxFileSize) {

    /** The file size limit's default, {@code groundwork.ingest.max-file-size}. */
    static final long DEFAULT_MAX_FILE_SIZE = 50L << 20;
    /** Characters a document may yield whatever its size, as Tika's own guard allows, before the ratio counts. */
    static final long RATIO_GRACE_CHARACTERS = 1_000_000;

    ParseLimits {
        if (maxCharacters < 1 || maxPages < 1 || maxEmbeddedDepth < 0 || maxEmbeddedCount < 0
                || maxCompressionRatio < 2 || maxNestingDepth < 1 || maxEntityExpansions < 0 || maxFileSize < 1) {
            throw new IllegalArgumentException("parse limits out of range: " + this);
        }
    }

    ParseLimits(long maxCharacters, int maxPages, int maxEmbeddedDepth, int maxEmbeddedCount, long maxCompressionRatio,
                int maxNestingDepth, int maxEntityExpansions) {
        this(maxCharacters, maxPages, maxEmbeddedDepth, maxEmbeddedCount, maxCompressionRatio, maxNestingDepth,
                maxEntityExpansions, DEFAULT_MAX_FILE_SIZE);
    }

    static ParseLimits of(IngestSettings ingest, ParseSettings parse) {
        return new ParseLimits(ingest.maxCharacters(), parse.maxPages(), parse.maxEmbeddedDepth(),
                parse.maxEmbeddedCount(), parse.maxCompressionRatio(), parse.maxNestingDepth(),
                parse.maxEntityExpansions(), ingest.maxFileSize().toBytes());
    }

    /**
     * The most bytes a file of {@code sizeBytes} may unpack to, its parts or members in all: what the compression
     * ratio allows, and never less than a file may be (a small archive of one ordinary document is no bomb).
     */
    long maxUnpackedBytes(long sizeBytes) {
        return Math.max(maxFileSize, multiply(maxCompressionRatio, sizeBytes));
    }

    /**
     * The most characters of text a container (an archive, a mailbox) of {@code sizeBytes} may yield in all: the
     * text limit of one document, and the compression ratio past the first million characters, as Tika's guard holds
     * each document to.
     */
    long maxContainerCharacters(long sizeBytes) {
        return Math.min(maxCharacters, Math.max(RATIO_GRACE_CHARACTERS, multiply(maxCompressionRatio, sizeBytes)));
    }

    private static long multiply(long a, long b) {
        long product = a * b;
        return b != 0 && product / b != a ? Long.MAX_VALUE : product;
    }

    /** Generous limits, for tests and tools that read trusted files. */
    static ParseLimits defaults(long maxCharacters) {
        return new ParseLimits(maxCharacters, 2000, 5, 1000, 100, 256, 20, DEFAULT_MAX_FILE_SIZE);
    }

    List<String> toArguments() {
        return List.of("max-characters=" + maxCharacters, "max-pages=" + maxPages,
                "max-embedded-depth=" + maxEmbeddedDepth, "max-embedded-count=" + maxEmbeddedCount,
                "max-compression-ratio=" + maxCompressionRatio, "max-nesting-depth=" + maxNestingDepth,
                "max-entity-expansions=" + maxEntityExpansions, "max-file-size=" + maxFileSize);
    }

    static ParseLimits fromArguments(List<String> arguments) {
        Map<String, String> values = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals > 0) {
                values.put(argument.substring(0, equals), argument.substring(equals + 1));
            }
        }
        return new ParseLimits(Long.parseLong(required(values, "max-characters")),
                Integer.parseInt(required(values, "max-pages")),
                Integer.parseInt(required(values, "max-embedded-depth")),
                Integer.parseInt(required(values, "max-embedded-count")),
                Long.parseLong(required(values, "max-compression-ratio")),
                Integer.parseInt(required(values, "max-nesting-depth")),
                Integer.parseInt(required(values, "max-entity-expansions")),
                Long.parseLong(required(values, "max-file-size")));
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing parse limit " + key);
        }
        return value;
    }
}
