package dev.groundwork.eval;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a text holds an answer string, compared as SQuAD's evaluation does: lower case, without punctuation
 * or articles, spaces collapsed; and on word boundaries, so "1960" is not found in "19601".
 */
final class TextMatch {

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}]");
    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private TextMatch() {
    }

    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        folded = PUNCTUATION.matcher(folded).replaceAll(" ");
        folded = ARTICLES.matcher(folded).replaceAll(" ");
        return SPACES.matcher(folded).replaceAll(" ").strip();
    }

    /** True when the normalised text holds the normalised needle as whole words; a blank needle is never found. */
    static boolean contains(String text, String needle) {
        String wanted = normalise(needle);
        if (wanted.isEmpty()) {
            return false;
        }
        return (" " + normalise(text) + " ").contains(" " + wanted + " ");
    }

    static boolean containsAny(String text, Collection<String> needles) {
        return needles.stream().anyMatch(needle -> contains(text, needle));
    }
}
