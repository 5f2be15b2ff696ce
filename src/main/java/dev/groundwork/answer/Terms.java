package dev.groundwork.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The content words of a text, as BM25 sees them: lower-cased, English stop words dropped, stemmed. Term overlap
 * catches what a sentence encoder forgives: a changed number, name or date.
 */
final class Terms {

    /** Thread-safe: Lucene analyzers keep per-thread token streams. */
    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private Terms() {
    }

    static Set<String> of(String text) {
        Set<String> terms = new HashSet<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // Analysing a String cannot fail with I/O.
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** The share of {@code wanted} found in {@code found}; 0 when nothing is wanted. */
    static double coverage(Set<String> wanted, Set<String> found) {
        if (wanted.isEmpty()) {
            return 0;
        }
        int hits = 0;
        for (String term : wanted) {
            if (found.contains(term)) {
                hits++;
            }
        }
        return (double) hits / wanted.size();
    }
}
