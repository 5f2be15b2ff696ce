package dev.groundwork.ingest;

import java.util.List;
import java.util.Objects;

/**
 * A document as the parser read it: its type, its title and its text, page by page for paged formats.
 *
 * @param paged whether pages are real pages (PDF, slides); a document without pages has one page numbered null
 */
public record ParsedDocument(String contentType, String title, boolean paged, List<ParsedPage> pages)
        implements ParsedFile {

    public ParsedDocument {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(title, "title");
        pages = List.copyOf(pages);
    }

    /** Number of pages for paged formats, null otherwise. */
    public Integer pageCount() {
        return paged ? pages.size() : null;
    }

    public boolean hasText() {
        return pages.stream().anyMatch(page -> !page.blocks().isEmpty());
    }

    /**
     * The text of one page (or of the whole document, for number null) and its blocks: headings, paragraphs,
     * list items, table rows. Block offsets point into {@code text}.
     */
    public record ParsedPage(Integer number, String text, List<TextBlock> blocks) {
        public ParsedPage {
            Objects.requireNonNull(text, "text");
            blocks = List.copyOf(blocks);
        }
    }

    /** A run of text with the headings it sits under; a heading is a block of its own. */
    public record TextBlock(int start, int end, List<String> headingPath, boolean heading) {
        public TextBlock {
            headingPath = List.copyOf(headingPath);
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("empty or negative block " + start + ".." + end);
            }
        }
    }
}
