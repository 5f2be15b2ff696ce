package dev.groundwork.ingest;

/**
 * A Markdown {@code #} heading line, read in one pass without a regular expression. The pattern it replaces,
 * {@code ^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$}, backtracks in time cubic in the length of a line of spaces
 * that does not end like a heading (18 s for one line of 3,000 spaces), in the service's own JVM. This reads the
 * same headings: up to three spaces, one to six {@code #}, at least one space or tab, then the text, without the
 * spaces, closing {@code #}s and spaces it ends with.
 *
 * @param level 1 to 6
 * @param text  the heading's text, possibly blank
 */
record AtxHeading(int level, String text) {

    private static final int MAX_INDENT = 3;
    private static final int MAX_LEVEL = 6;

    /** The heading a line holds, or null. */
    static AtxHeading parse(String line) {
        int length = line.length();
        int i = 0;
        while (i < length && i < MAX_INDENT && line.charAt(i) == ' ') {
            i++;
        }
        int level = 0;
        while (i < length && line.charAt(i) == '#') {
            level++;
            i++;
        }
        if (level == 0 || level > MAX_LEVEL || i == length || !isSpaceOrTab(line.charAt(i))) {
            return null;
        }
        while (i < length && isSpaceOrTab(line.charAt(i))) {
            i++;
        }
        int end = length;
        while (end > i && isSpaceOrTab(line.charAt(end - 1))) {
            end--;
        }
        while (end > i && line.charAt(end - 1) == '#') {
            end--;
        }
        while (end > i && isSpaceOrTab(line.charAt(end - 1))) {
            end--;
        }
        for (int c = i; c < end; c++) {
            if (isLineBreak(line.charAt(c))) {
                return null; // the pattern's "." stopped there, so it never took such a line for a heading
            }
        }
        return new AtxHeading(level, line.substring(i, end));
    }

    private static boolean isSpaceOrTab(char c) {
        return c == ' ' || c == '\t';
    }

    /** The line terminators a regular expression's "." does not match; '\n' and '\r' never reach a line here. */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
