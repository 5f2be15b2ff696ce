package dev.groundwork.answer;

/**
 * The sentence of a cited source that supports an answer sentence best: {@code start..end} in the source's text (its
 * {@code chunkText}).
 *
 * @param n      the source's number
 * @param quoted true when the answer sentence is this sentence word for word (white space and case aside)
 */
public record SupportingSentence(int n, int start, int end, boolean quoted) {

    public SupportingSentence {
        if (n < 1 || start < 0 || end < start) {
            throw new IllegalArgumentException("invalid supporting sentence of source " + n + ": " + start + ".." + end);
        }
    }
}
