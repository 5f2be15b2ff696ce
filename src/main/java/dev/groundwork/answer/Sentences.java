package dev.groundwork.answer;

import dev.groundwork.embed.Texts;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Cuts text into sentences: each line on its own (table rows, list items), then sentences within a line. */
final class Sentences {

    /** A sentence of a text: {@code text.substring(start, end)}, trimmed of spaces of every kind. */
    record Span(int start, int end) {
    }

    private Sentences() {
    }

    static List<Span> split(String text) {
        List<Span> spans = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
            sentences.setText(text.substring(lineStart, lineEnd));
            int from = sentences.first();
            for (int to = sentences.next(); to != BreakIterator.DONE; from = to, to = sentences.next()) {
                addTrimmed(spans, text, lineStart + from, lineStart + to);
            }
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
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
