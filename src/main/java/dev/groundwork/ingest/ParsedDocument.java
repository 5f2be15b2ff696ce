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
    public record ParsedPage(Integer number, String text, List<TextBlock> blocks, PageOcr ocr) {
        public ParsedPage {
            Objects.requireNonNull(text, "text");
            blocks = List.copyOf(blocks);
        }

        /** A page read from its text layer (or a document without pages). */
        public ParsedPage(Integer number, String text, List<TextBlock> blocks) {
            this(number, text, blocks, null);
        }

        /** Whether the page's text was read from its image by OCR. */
        public boolean scanned() {
            return ocr != null && ocr.read();
        }
    }

    /**
     * How OCR went on a page that has no text layer of its own (null on a page read from its text layer).
     *
     * @param read       whether Tesseract read the page; false: it failed (time limit, a crash), and the page has no text
     * @param confidence Tesseract's mean word confidence on the page, 0 to 100 (0 when not read)
     */
    public record PageOcr(boolean read, float confidence) {
        public PageOcr {
            if (confidence < 0 || confidence > 100 || Float.isNaN(confidence)) {
                throw new IllegalArgumentException("OCR confidence out of range: " + confidence);
            }
        }

        static PageOcr failed() {
            return new PageOcr(false, 0);
        }
    }

    /** Pages whose text came from OCR. */
    public int ocrPages() {
        return (int) pages.stream().filter(ParsedPage::scanned).count();
    }

    /** The numbers of pages OCR failed on (1 for a document without pages). */
    public List<Integer> ocrFailedPages() {
        return pages.stream().filter(page -> page.ocr() != null && !page.ocr().read())
                .map(page -> page.number() == null ? 1 : page.number()).toList();
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
