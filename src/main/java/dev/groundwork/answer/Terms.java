package dev.groundwork.answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The content words of a text: lower-cased, stemmed, without English stop words, question words and auxiliaries
 * ("how much does it cost" is about {@code cost}). Term overlap catches what a sentence encoder forgives: a
 * changed number, name or date.
 */
final class Terms {

    /** Lucene's English stop words, which keep the words questions are made of, plus those words. */
    private static final CharArraySet STOP_WORDS = stopWords();

    /** Thread-safe: Lucene analyzers keep per-thread token streams. */
    private static final Analyzer ANALYZER = new EnglishAnalyzer(STOP_WORDS);

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        words.addAll(List.of("what", "which", "who", "whom", "whose", "when", "where", "why", "how", "much", "many",
                "do", "does", "did", "done", "has", "have", "had", "can", "could", "would", "should", "shall", "may",
                "might", "must", "am", "were", "been", "being", "i", "me", "my", "you", "your", "he", "him", "his",
                "she", "her", "we", "us", "our", "its", "them", "about", "from", "than", "so", "also", "here",
                "tell", "please", "any", "some", "all", "each", "other", "there's", "what's", "who's"));
        return CharArraySet.unmodifiableSet(words);
    }

    private Terms() {
    }

    /** Whether a word (any case) is one questions are made of rather than what they are about. */
    static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word);
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
