package dev.groundwork.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Measures how deep the elements of an HTML file nest, from its raw bytes, before a parser builds a tree of
 * them. Tika's HTML parser flattens what it reads, so the nesting limit could not be seen in its output; a
 * page nested a hundred thousand deep still costs the parser a tree that deep. Only elements that need an end
 * tag are counted: elements that close themselves ({@code <p>}, {@code <li>}, {@code <td>}...) or are void
 * ({@code <br>}, {@code <img>}...) cannot pile up.
 */
final class HtmlNesting {

    private static final Set<String> NOT_COUNTED = Set.of(
            // void elements
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
            "wbr", "keygen", "basefont", "frame", "isindex",
            // end tag optional
            "html", "head", "body", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option",
            "optgroup", "rb", "rt", "rtc", "rp", "colgroup", "caption");
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "plaintext");

    private final InputStream in;
    private int pushedBack = -1;

    private HtmlNesting(InputStream in) {
        this.in = in;
    }

    /** True when the file's elements nest deeper than {@code limit}; reads no further than that point. */
    static boolean deeperThan(Path file, int limit) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new HtmlNesting(in).deeperThan(limit);
        }
    }

    private boolean deeperThan(int limit) throws IOException {
        int depth = 0;
        for (int c = read(); c >= 0; c = read()) {
            if (c != '<') {
                continue;
            }
            int next = read();
            if (next == '!' || next == '?') {
                skipDeclaration();
            } else if (next == '/') {
                String name = name(read());
                skipTag();
                if (!name.isEmpty() && !NOT_COUNTED.contains(name) && depth > 0) {
                    depth--;
                }
            } else if (isLetter(next)) {
                String name = name(next);
                boolean selfClosing = skipTag();
                if (RAW_TEXT.contains(name)) {
                    skipRawText(name);
                } else if (!selfClosing && !NOT_COUNTED.contains(name) && ++depth > limit) {
                    return true;
                }
            }
        }
        return false;
    }

    private String name(int first) throws IOException {
        StringBuilder name = new StringBuilder();
        int c = first;
        while (c >= 0 && (isLetter(c) || (c >= '0' && c <= '9') || c == '-' || c == ':') && name.length() < 64) {
            name.append((char) c);
            c = read();
        }
        pushedBack = c;
        return name.toString().toLowerCase(Locale.ROOT);
    }

    /** Skips to the end of a tag, past quoted attribute values; true when it ends with "/>". */
    private boolean skipTag() throws IOException {
        int quote = 0;
        int previous = 0;
        for (int c = read(); c >= 0; c = read()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return previous == '/';
            }
            previous = c;
        }
        return false;
    }

    private void skipDeclaration() throws IOException {
        int c1 = read();
        int c2 = read();
        if (c1 == '-' && c2 == '-') {
            // a comment ends at "-->"
            int dashes = 0;
            for (int c = read(); c >= 0; c = read()) {
                if (c == '>' && dashes >= 2) {
                    return;
                }
                dashes = c == '-' ? dashes + 1 : 0;
            }
            return;
        }
        for (int c = c2; c >= 0 && c1 != '>' && c != '>'; c = read()) {
            // a doctype or processing instruction ends at the next '>'
        }
    }

    private void skipRawText(String name) throws IOException {
        String end = "</" + name;
        int matched = 0;
        for (int c = read(); c >= 0; c = read()) {
            int lower = Character.toLowerCase(c);
            matched = lower == end.charAt(matched) ? matched + 1 : (lower == '<' ? 1 : 0);
            if (matched == end.length()) {
                skipTag();
                return;
            }
        }
    }

    private int read() throws IOException {
        if (pushedBack >= 0) {
            int c = pushedBack;
            pushedBack = -1;
            return c;
        }
        return in.read();
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
