package dev.groundwork.ingest;

import dev.groundwork.text.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the structure of plain text and Markdown: paragraphs are separated by blank lines, wrapped lines of a
 * paragraph are joined with a space, list items, table rows and fenced code keep their own lines, and in
 * Markdown {@code #} and underlined headings set the heading path.
 */
final class PlainTextStructure {

    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern OWN_LINE = Pattern.compile("^\\s*([-*+•]\\s|\\d{1,3}[.)]\\s|\\||>)");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    private final DocumentTextBuilder text;
    private final boolean markdown;
    private final String[] headings = new String[6];
    private final List<String> paragraph = new ArrayList<>();
    private String firstHeading;

    private PlainTextStructure(DocumentTextBuilder text, boolean markdown) {
        this.text = text;
        this.markdown = markdown;
    }

    /** Reads trusted raw text into blocks, with no deadline; returns the first heading, or null. */
    static String read(String raw, boolean markdown, DocumentTextBuilder text) {
        try {
            return read(raw, markdown, text, ParseDeadline.NONE);
        } catch (ParseLimitException e) {
            throw new IllegalStateException("no deadline, yet past it", e);
        }
    }

    /** Reads raw text into blocks, line by line until the deadline; returns the first heading, or null. */
    static String read(String raw, boolean markdown, DocumentTextBuilder text, ParseDeadline deadline)
            throws ParseLimitException {
        PlainTextStructure structure = new PlainTextStructure(text, markdown);
        structure.readLines(normalise(raw).split("\n", -1), deadline);
        return structure.firstHeading;
    }

    private void readLines(String[] lines, ParseDeadline deadline) throws ParseLimitException {
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            deadline.check();
            String line = lines[i];
            if (markdown && FENCE.matcher(line).find()) {
                inFence = !inFence;
                paragraph.add(line);
                if (!inFence) {
                    flushParagraph(true);
                }
                continue;
            }
            if (inFence) {
                paragraph.add(line);
                continue;
            }
            if (Texts.isBlank(line)) {
                flushParagraph(false);
                continue;
            }
            if (markdown) {
                AtxHeading atx = AtxHeading.parse(line);
                if (atx != null && !atx.text().isBlank()) {
                    flushParagraph(false);
                    heading(atx.level(), atx.text());
                    continue;
                }
                boolean underlined = i + 1 < lines.length && SETEXT_UNDERLINE.matcher(lines[i + 1]).matches();
                if (underlined && paragraph.isEmpty()) {
                    heading(lines[i + 1].trim().startsWith("=") ? 1 : 2, line);
                    i++;
                    continue;
                }
            }
            paragraph.add(line);
        }
        flushParagraph(inFence);
    }

    private void heading(int level, String raw) {
        String heading = collapse(raw);
        if (heading.isEmpty()) {
            return;
        }
        headings[level - 1] = heading;
        Arrays.fill(headings, level, headings.length, null);
        if (firstHeading == null) {
            firstHeading = heading;
        }
        text.addBlock(heading, path(), true, false);
    }

    private void flushParagraph(boolean keepLines) {
        if (paragraph.isEmpty()) {
            return;
        }
        StringBuilder joined = new StringBuilder();
        for (String line : paragraph) {
            String content = keepLines ? stripTrailing(line) : collapse(line);
            if (content.isEmpty() && !keepLines) {
                continue;
            }
            if (joined.length() > 0) {
                joined.append(keepLines || OWN_LINE.matcher(line).find() ? '\n' : ' ');
            }
            joined.append(content);
        }
        paragraph.clear();
        String block = joined.toString().strip();
        if (!Texts.isBlank(block)) {
            text.addBlock(block, path(), false, false);
        }
    }

    private List<String> path() {
        List<String> path = new ArrayList<>();
        for (String heading : headings) {
            if (heading != null) {
                path.add(heading);
            }
        }
        return path;
    }

    private static String normalise(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\t') {
                out.append("    ");
            } else if (c == '\n' || (!Character.isISOControl(c) && c != '\uFEFF' && c != '\u00AD' && c != '\uFFFD')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Collapses every run of whitespace of any kind into one space and trims. */
    static String collapse(String line) {
        StringBuilder out = new StringBuilder(line.length());
        boolean space = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Texts.isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && Texts.isSpace(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end);
    }
}
