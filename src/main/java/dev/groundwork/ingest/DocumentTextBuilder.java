package dev.groundwork.ingest;

import dev.groundwork.ingest.ParsedDocument.ParsedPage;
import dev.groundwork.ingest.ParsedDocument.TextBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects blocks page by page and lays them out as page text: paragraphs apart by a blank line, table rows
 * and lines of one paragraph by a line break. Offsets are only fixed in {@link #build}, so a block can still
 * be put in front (an e-mail's headers, say).
 */
final class DocumentTextBuilder {

    private record PendingBlock(String text, List<String> headingPath, boolean heading, boolean tight) {
    }

    private static final class PendingPage {
        final Integer number;
        final List<PendingBlock> blocks = new ArrayList<>();

        PendingPage(Integer number) {
            this.number = number;
        }
    }

    private final List<PendingPage> pages = new ArrayList<>();
    private PendingPage current;
    private boolean paged;
    private long characters;

    DocumentTextBuilder() {
        current = new PendingPage(null);
        pages.add(current);
    }

    /** Starts a real page (PDF page, slide). Text seen before the first page belongs to page 1. */
    void startPage() {
        if (!paged) {
            paged = true;
            PendingPage first = new PendingPage(1);
            first.blocks.addAll(current.blocks);
            pages.set(pages.size() - 1, first);
            current = first;
            return;
        }
        current = new PendingPage(pages.size() + 1);
        pages.add(current);
    }

    /**
     * Adds a block of normalised text to the current page.
     *
     * @param tight true for a table row or line that follows the previous block without a blank line
     */
    void addBlock(String text, List<String> headingPath, boolean heading, boolean tight) {
        if (text.isEmpty()) {
            return;
        }
        characters += text.length();
        current.blocks.add(new PendingBlock(text, headingPath, heading, tight));
    }

    void prependBlock(String text) {
        if (!text.isEmpty()) {
            pages.get(0).blocks.add(0, new PendingBlock(text, List.of(), false, false));
            characters += text.length();
        }
    }

    long characters() {
        return characters;
    }

    boolean paged() {
        return paged;
    }

    List<ParsedPage> build() {
        List<ParsedPage> built = new ArrayList<>(pages.size());
        for (PendingPage page : pages) {
            StringBuilder text = new StringBuilder();
            List<TextBlock> blocks = new ArrayList<>(page.blocks.size());
            for (PendingBlock block : page.blocks) {
                if (text.length() > 0) {
                    text.append(block.tight() ? "\n" : "\n\n");
                }
                int start = text.length();
                text.append(block.text());
                blocks.add(new TextBlock(start, text.length(), block.headingPath(), block.heading()));
            }
            built.add(new ParsedPage(page.number, text.toString(), blocks));
        }
        return built;
    }
}
