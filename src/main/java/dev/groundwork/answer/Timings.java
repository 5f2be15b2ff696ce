package dev.groundwork.answer;

/**
 * Where the time of an answer went.
 *
 * @param retrievalMs  finding the chunks
 * @param generationMs everything after: fitting the sources, the answerer, the checks
 * @param checkMs      the citation and support checks alone (part of generationMs)
 */
public record Timings(long retrievalMs, long generationMs, long checkMs) {
}
