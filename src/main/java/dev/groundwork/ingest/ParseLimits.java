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
 */
record ParseLimits(long maxCharacters, int maxPages, int maxEmbeddedDepth, int maxEmbeddedCount,
                   long maxCompressionRatio, int maxNestingDepth, int maxEntityExpansions) {

    ParseLimits {
        if (maxCharacters < 1 || maxPages < 1 || maxEmbeddedDepth < 0 || maxEmbeddedCount < 0
                || maxCompressionRatio < 2 || maxNestingDepth < 1 || maxEntityExpansions < 0) {
            throw new IllegalArgumentException("parse limits out of range: " + this);
        }
    }

    static ParseLimits of(IngestSettings ingest, ParseSettings parse) {
        return new ParseLimits(ingest.maxCharacters(), parse.maxPages(), parse.maxEmbeddedDepth(),
                parse.maxEmbeddedCount(), parse.maxCompressionRatio(), parse.maxNestingDepth(),
                parse.maxEntityExpansions());
    }

    /** Generous limits, for tests and tools that read trusted files. */
    static ParseLimits defaults(long maxCharacters) {
        return new ParseLimits(maxCharacters, 2000, 5, 1000, 100, 256, 20);
    }

    List<String> toArguments() {
        return List.of("max-characters=" + maxCharacters, "max-pages=" + maxPages,
                "max-embedded-depth=" + maxEmbeddedDepth, "max-embedded-count=" + maxEmbeddedCount,
                "max-compression-ratio=" + maxCompressionRatio, "max-nesting-depth=" + maxNestingDepth,
                "max-entity-expansions=" + maxEntityExpansions);
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
                Integer.parseInt(required(values, "max-entity-expansions")));
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing parse limit " + key);
        }
        return value;
    }
}
