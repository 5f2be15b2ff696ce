package dev.groundwork.ingest;

import dev.groundwork.text.TableRows;
import dev.groundwork.text.Texts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns Tika's XHTML into blocks with their heading path and page: {@code <div class="page">} (PDF) and
 * {@code <div class="slide-content">} (slides) start pages, {@code <h1>..<h6>} set the heading path, block
 * elements end paragraphs, table cells are joined by " | ". Whitespace is collapsed except inside
 * {@code <pre>}; nothing of {@code <head>}, {@code <script>} or {@code <style>} is kept.
 */
final class XhtmlStructureHandler extends DefaultHandler {

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table",
            "thead", "tbody", "tfoot", "caption", "blockquote", "section", "article", "header", "footer", "aside",
            "nav", "main", "figure", "figcaption", "address", "hr", "form", "fieldset", "legend", "details",
            "summary", "body", "html");
    private static final Set<String> SKIPPED = Set.of("head", "script", "style", "noscript", "template", "svg");

    private enum DivKind { PAGE, EMBEDDED, OTHER }

    private final DocumentTextBuilder text;
    private final ParseGuard guard;
    private final StringBuilder block = new StringBuilder();
    private final String[] headings = new String[6];
    private final Deque<DivKind> divs = new ArrayDeque<>();
    private int depth;
    private int skipDepth;
    private final Deque<String> embedded = new ArrayDeque<>();
    private int preDepth;
    private int headingLevel;
    private boolean pendingSpace;
    private int newlinesInSpace;
    private boolean inTableRow;
    private boolean rowFollowsRow;
    private int cellsInRow;
    private String firstHeading;

    /** Counts pages, element depth and characters against the guard's limits as they come. */
    XhtmlStructureHandler(DocumentTextBuilder text, ParseGuard guard) {
        this.text = text;
        this.guard = guard;
    }

    String firstHeading() {
        return firstHeading;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        guard.check();
        guard.checkNesting(++depth);
        String name = name(localName, qName);
        if (skipDepth > 0 || SKIPPED.contains(name)) {
            skipDepth++;
            return;
        }
        switch (name) {
            case "div" -> startDiv(attributes.getValue("class"), attributes.getValue("title"));
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                flushBlock();
                // Headings of an attachment do not reshape the outline of the document that holds it.
                headingLevel = embedded.isEmpty() ? name.charAt(1) - '0' : 0;
            }
            case "tr" -> {
                flushBlock();
                inTableRow = true;
                cellsInRow = 0;
            }
            case "td", "th" -> {
                if (cellsInRow++ > 0) {
                    appendSeparator(TableRows.CELL_SEPARATOR);
                }
            }
            case "br" -> appendLineBreak();
            case "pre" -> {
                flushBlock();
                preDepth++;
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    flushBlock();
                }
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        guard.check();
        depth--;
        String name = name(localName, qName);
        if (skipDepth > 0) {
            skipDepth--;
            return;
        }
        switch (name) {
            case "div" -> {
                flushBlock();
                if (!divs.isEmpty() && divs.pop() == DivKind.EMBEDDED) {
                    embedded.pop();
                }
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> flushHeading();
            case "tr" -> {
                flushBlock();
                inTableRow = false;
                rowFollowsRow = true;
            }
            case "table" -> {
                flushBlock();
                rowFollowsRow = false;
            }
            case "pre" -> {
                flushBlock();
                preDepth = Math.max(0, preDepth - 1);
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    flushBlock();
                }
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        guard.check();
        if (skipDepth > 0) {
            return;
        }
        for (int i = start; i < start + length; i++) {
            char c = ch[i];
            if (preDepth > 0 && c == '\n') {
                appendLineBreak();
            } else if (Texts.isSpace(c) || Character.isISOControl(c)) {
                pendingSpace = block.length() > 0;
                if (c == '\n') {
                    newlinesInSpace++;
                }
            } else if (c != '\u00AD' && c != '\uFFFD') {
                if (newlinesInSpace >= 2 && preDepth == 0 && headingLevel == 0) {
                    // A blank line inside one element (plain-text e-mail bodies) is still a paragraph break.
                    flushBlock();
                }
                newlinesInSpace = 0;
                if (pendingSpace) {
                    block.append(' ');
                    pendingSpace = false;
                }
                block.append(c);
            }
        }
        guard.checkCharacters(text.characters() + block.length());
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        pendingSpace = block.length() > 0;
    }

    @Override
    public void endDocument() {
        flushBlock();
    }

    /** An attachment or embedded document begins: its pages are not pages of the outer document. */
    private void enterEmbedded(String name) {
        embedded.push(name == null || name.isBlank() ? "attachment" : name.strip());
    }

    private void startDiv(String cssClass, String title) throws SAXException {
        flushBlock();
        List<String> classes = cssClass == null ? List.of() : Arrays.asList(cssClass.trim().split("\s+"));
        if (classes.contains("package-entry")) {
            enterEmbedded(title);
            divs.push(DivKind.EMBEDDED);
        } else if (embedded.isEmpty() && (classes.contains("page") || classes.contains("slide-content"))) {
            guard.countPage();
            text.startPage();
            divs.push(DivKind.PAGE);
        } else {
            divs.push(DivKind.OTHER);
        }
    }

    private void appendSeparator(String separator) {
        if (block.length() > 0) {
            block.append(separator);
        }
        pendingSpace = false;
    }

    private void appendLineBreak() {
        if (block.length() > 0 && block.charAt(block.length() - 1) != '\n') {
            block.append('\n');
        }
        pendingSpace = false;
    }

    private void flushHeading() {
        String heading = trimmed();
        int level = headingLevel;
        headingLevel = 0;
        if (heading.isEmpty() || level == 0) {
            return;
        }
        headings[level - 1] = heading.replace('\n', ' ');
        Arrays.fill(headings, level, headings.length, null);
        if (firstHeading == null) {
            firstHeading = headings[level - 1];
        }
        text.addBlock(heading, headingPath(), true, false);
    }

    private void flushBlock() {
        if (headingLevel > 0) {
            flushHeading();
            return;
        }
        String content = trimmed();
        if (!content.isEmpty()) {
            text.addBlock(content, headingPath(), false, inTableRow && rowFollowsRow);
            if (!inTableRow) {
                rowFollowsRow = false;
            }
        }
    }

    /** Takes the collected text, trimmed of spaces and line breaks at both ends, and starts a new block. */
    private String trimmed() {
        int from = 0;
        int to = block.length();
        while (from < to && (block.charAt(from) == ' ' || block.charAt(from) == '\n')) {
            from++;
        }
        while (to > from && (block.charAt(to - 1) == ' ' || block.charAt(to - 1) == '\n' || block.charAt(to - 1) == '|')) {
            to--;
        }
        String content = block.substring(from, to).strip();
        block.setLength(0);
        pendingSpace = false;
        newlinesInSpace = 0;
        return content;
    }

    /** The current headings; inside an attachment, followed by the attachment's name. */
    private List<String> headingPath() {
        List<String> path = new ArrayList<>(headings.length);
        for (String heading : headings) {
            if (heading != null) {
                path.add(heading);
            }
        }
        embedded.descendingIterator().forEachRemaining(path::add);
        return path;
    }

    private static String name(String localName, String qName) {
        String name = localName == null || localName.isEmpty() ? qName : localName;
        return name.toLowerCase(Locale.ROOT);
    }
}
