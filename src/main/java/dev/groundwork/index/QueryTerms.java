package dev.groundwork.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A question's searchable words as every backend asks them: the distinct terms of the index's analysis, in order, at most
 * {@value #MAX_TERMS}. No query syntax is parsed, so any question is safe to search.
 */
public final class QueryTerms {

    static final int MAX_TERMS = 400;

    private QueryTerms() {
    }

    /** The distinct analysed terms of a question, in order; empty when it has no searchable word. */
    public static List<String> of(Analyzer analyzer, String question) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(IndexFields.TEXT, question)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms);
    }
}
