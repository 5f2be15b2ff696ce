package dev.groundwork.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts text into sentences: each line on its own (table rows, list items), then sentences within a line, each trimmed
 * of white space of every kind. The splitter packs chunks with it, the answerers quote with it and the checks compare
 * with it, so a sentence is the same thing everywhere.
 */
public final class Sentences {

    /** A sentence of a text: {@code text.substring(start, end)}. */
    public record Span(int start, int end) {

        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("invalid span " + start + ".." + end);
            }
        }
    }

    private Sentences() {
    }

    public static List<Span> split(String text) {
        return split(text, 0, text.length());
    }

    /** The sentences of {@code text.substring(from, to)}, with offsets into {@code text}. */
    public static List<Span> split(String text, int from, int to) {
        List<Span> spans = new ArrayList<>();
        int lineStart = from;
        while (lineStart <= to) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 || newline > to ? to : newline;
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
            sentences.setText(text.substring(lineStart, lineEnd));
            int start = sentences.first();
            for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
                addTrimmed(spans, text, lineStart + start, lineStart + end);
            }
            if (lineEnd == to) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        return spans;
    }

    private static void addTrimmed(List<Span> spans, String text, int start, int end) {
        while (start < end && Texts.isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && Texts.isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            spans.add(new Span(start, end));
        }
    }
}
