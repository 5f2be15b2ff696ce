package dev.groundwork.text;

/** White space in the widest sense, as every stage that reads or cuts text must see it. */
public final class Texts {

    private Texts() {
    }

    /** True when the text holds nothing but whitespace of any kind, no-break and zero-width spaces included. */
    public static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whitespace in the widest sense: Java whitespace, Unicode space separators, zero-width characters, BOM. */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }
}
