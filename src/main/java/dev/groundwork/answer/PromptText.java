package dev.groundwork.answer;

import java.text.Normalizer;
import java.util.Map;

/**
 * Makes document text safe to put between a prompt's source tags. A document must not be able to end its own source
 * block and pass what follows off as instructions, however it writes the closing tag: in any case, with spaces
 * ({@code </source >}, {@code < /source>}), in full-width or other compatibility forms ({@code ＜／ｓｏｕｒｃｅ＞}),
 * with zero-width characters inside, or with Cyrillic or Greek letters that look Latin. Such text is read as a model
 * might read it (NFKC, format characters dropped, lookalikes folded, any case), and the {@code <} of every tag that
 * names a source delimiter is written {@code &lt;}, which no reader takes for a tag. Titles and file names go into
 * attributes: normalised, on one line, with quotes and angle brackets escaped.
 */
final class PromptText {

    /** Tags a model could take for a source delimiter start with this, whatever this request's tag is. */
    private static final String DELIMITER_PREFIX = "source";
    /** How far after a {@code <} a tag's name is looked for: far more than any spacing trick needs. */
    private static final int LOOK_AHEAD = 128;
    /** Letters of other scripts that look like Latin ones, read as those. */
    private static final Map<Integer, Integer> LOOKALIKES = Map.ofEntries(
            Map.entry((int) 'а', (int) 'a'), Map.entry((int) 'е', (int) 'e'), Map.entry((int) 'о', (int) 'o'),
            Map.entry((int) 'р', (int) 'p'), Map.entry((int) 'с', (int) 'c'), Map.entry((int) 'ѕ', (int) 's'),
            Map.entry((int) 'у', (int) 'y'), Map.entry((int) 'х', (int) 'x'), Map.entry((int) 'і', (int) 'i'),
            Map.entry((int) 'ј', (int) 'j'), Map.entry((int) 'ԁ', (int) 'd'), Map.entry((int) 'һ', (int) 'h'),
            Map.entry((int) 'ԛ', (int) 'q'), Map.entry((int) 'ԝ', (int) 'w'), Map.entry((int) 'ѵ', (int) 'v'),
            Map.entry((int) 'ο', (int) 'o'), Map.entry((int) 'υ', (int) 'u'), Map.entry((int) 'ν', (int) 'v'),
            Map.entry((int) 'α', (int) 'a'), Map.entry((int) 'ε', (int) 'e'), Map.entry((int) 'ι', (int) 'i'),
            Map.entry((int) 'κ', (int) 'k'), Map.entry((int) 'τ', (int) 't'), Map.entry((int) 'ρ', (int) 'p'),
            Map.entry((int) 'ᴜ', (int) 'u'));

    private PromptText() {
    }

    /** Text with every tag that names a source delimiter, or this request's {@code tag}, made inert. */
    static String neutraliseTags(String text, String tag) {
        StringBuilder out = null;
        int copied = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (fold(c) == '<' && namesDelimiter(text, next, tag)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, copied, i).append("&lt;");
                copied = next;
            }
            i = next;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * An attribute value for a double-quoted attribute: normalised (NFKC, so no full-width quote survives), on one line
     * without format characters, and with {@code & " ' < >} escaped.
     */
    static String attribute(String value) {
        String normal = Normalizer.normalize(value, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(normal.length());
        boolean space = false;
        for (int i = 0; i < normal.length(); ) {
            int c = normal.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /**
     * Whether what follows a {@code <} reads as the name of a source delimiter: spaces and format characters, an
     * optional {@code /}, more of them, then a name that starts with "source" or is this request's tag.
     */
    private static boolean namesDelimiter(String text, int from, String tag) {
        StringBuilder name = new StringBuilder();
        boolean slash = false;
        int end = Math.min(text.length(), from + LOOK_AHEAD);
        for (int i = from; i < end; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            int f = fold(c);
            if (Character.getType(c) == Character.FORMAT) {
                continue;
            }
            if (name.length() == 0 && (Character.isWhitespace(f) || Character.isSpaceChar(f))) {
                continue;
            }
            if (name.length() == 0 && f == '/' && !slash) {
                slash = true;
                continue;
            }
            if (Character.isLetterOrDigit(f) || f == '-' || f == '_') {
                name.appendCodePoint(f);
                continue;
            }
            break;
        }
        String read = name.toString();
        return read.startsWith(DELIMITER_PREFIX) || read.equals(tag);
    }

    /** A character as a lenient reader sees it: its compatibility form, in lower case, lookalikes as Latin. */
    private static int fold(int c) {
        int f = c;
        if (c >= 0x80) {
            String normal = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC);
            if (normal.codePointCount(0, normal.length()) == 1) {
                f = normal.codePointAt(0);
            }
        }
        f = Character.toLowerCase(f);
        return LOOKALIKES.getOrDefault(f, f);
    }
}
