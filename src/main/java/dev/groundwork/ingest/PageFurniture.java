package dev.groundwork.ingest;

import dev.groundwork.ingest.ParsedDocument.ParsedPage;
import dev.groundwork.ingest.ParsedDocument.TextBlock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The running headers and footers of a paged document: a block that opens or closes a good share of its pages
 * ("Table of Contents", the company's name, "Page 12 of 120", a bare page number) is page furniture, not content.
 * Left in, it makes every chunk look alike to the encoder and to BM25, and a chunk that is mostly furniture is
 * found for the wrong reasons.
 */
final class PageFurniture {

    /** Blocks at each end of a page that may be furniture. */
    private static final int EDGE_BLOCKS = 2;
    /** A block is furniture when it stands at a page's edge on at least this share of the pages... */
    private static final int SHARE_OF_PAGES = 4;
    /** ...and on at least this many. */
    private static final int MIN_PAGES = 3;
    /** Longer blocks are content even when they repeat (a legal notice on every page is still read once). */
    private static final int MAX_CHARS = 120;
    private static final int MAX_WORDS = 10;

    private final Set<String> repeated;

    private PageFurniture(Set<String> repeated) {
        this.repeated = repeated;
    }

    static final PageFurniture NONE = new PageFurniture(Set.of());

    static PageFurniture of(ParsedDocument document) {
        if (!document.paged() || document.pages().size() < MIN_PAGES) {
            return NONE;
        }
        Map<String, Integer> pagesWith = new HashMap<>();
        for (ParsedPage page : document.pages()) {
            Set<String> edges = new HashSet<>();
            List<TextBlock> blocks = page.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                if (i < EDGE_BLOCKS || i >= blocks.size() - EDGE_BLOCKS) {
                    edges.add(shape(page, blocks.get(i)));
                }
            }
            edges.forEach(shape -> pagesWith.merge(shape, 1, Integer::sum));
        }
        int needed = Math.max(MIN_PAGES, document.pages().size() / SHARE_OF_PAGES);
        Set<String> repeated = new HashSet<>();
        pagesWith.forEach((shape, pages) -> {
            if (pages >= needed && shape.length() <= MAX_CHARS && shape.split(" ").length <= MAX_WORDS) {
                repeated.add(shape);
            }
        });
        return new PageFurniture(repeated);
    }

    /**
     * Whether a block at an edge of its page is furniture. A page's only block never is: a run of one-line pages
     * ("Slide 3: Results") repeats its shape without being a header.
     */
    boolean isFurniture(ParsedPage page, int blockIndex) {
        List<TextBlock> blocks = page.blocks();
        boolean atEdge = blockIndex < EDGE_BLOCKS || blockIndex >= blocks.size() - EDGE_BLOCKS;
        return atEdge && blocks.size() > 1 && !repeated.isEmpty()
                && repeated.contains(shape(page, blocks.get(blockIndex)));
    }

    /** A block's text with its numbers blanked out, so "Page 3 of 9" and "Page 4 of 9" are one shape. */
    private static String shape(ParsedPage page, TextBlock block) {
        String text = page.text().substring(block.start(), Math.min(block.end(), block.start() + MAX_CHARS + 1));
        return PlainTextStructure.collapse(text.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#"));
    }
}
