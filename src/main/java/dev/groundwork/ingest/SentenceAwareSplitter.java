package dev.groundwork.ingest;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.TokenCounter;
import dev.groundwork.index.Chunk;
import dev.groundwork.ingest.ParsedDocument.ParsedPage;
import dev.groundwork.ingest.ParsedDocument.TextBlock;
import dev.groundwork.text.Sentences;
import dev.groundwork.text.Texts;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Splits by structure first and size second. A chunk stays within one page and one section (run of blocks
 * under the same headings); inside a section whole sentences are packed up to the token budget, and the next
 * chunk repeats the last sentences of the one before, up to the overlap. Only a sentence longer than the
 * budget is cut, at a space where one is near. A chunk's text is exactly its span of the page text.
 */
@Component
final class SentenceAwareSplitter implements DocumentSplitter {

    /** The title and heading prefix may take at most this share of the window. */
    private static final int PREFIX_SHARE = 4;
    private static final int MIN_BUDGET = 16;
    /** How much of a page's opening leads its chunks. */
    private static final int LEAD_WORDS = 12;
    private static final int LEAD_CHARS = 100;
    /** No token of the tokenizers in use spans more characters than this (WordPiece maps longer words to [UNK]). */
    private static final int CHARS_PER_TOKEN_BOUND = 24;
    /** Where the window for a piece of an over-long sentence starts: a few characters a token, doubled as needed. */
    private static final int FIRST_WINDOW_CHARS_PER_TOKEN = 4;

    private final SplitSettings settings;
    private final TokenCounter tokens;
    private final int window;

    SentenceAwareSplitter(SplitSettings settings, Encoder encoder) {
        this.settings = settings;
        this.tokens = encoder.tokenCounter();
        // The encoder adds its own special tokens ([CLS], [SEP]) to every text.
        this.window = encoder.maxTokens() - 2;
    }

    @Override
    public String signature() {
        return "chunk=" + settings.chunkTokens() + "/overlap=" + settings.overlapTokens()
                + "/prefix=" + (settings.titlePrefix() ? "identity-2" : "none") + "/window=" + window;
    }

    /** A sentence, a line or a piece of an over-long sentence: what chunks are built from. */
    private record Unit(int start, int end, int tokens) {
    }

    private record Section(List<String> headingPath, List<TextBlock> blocks) {
    }

    @Override
    public List<PreparedChunk> split(ParsedDocument document, DocumentIdentity identity) {
        PageFurniture furniture = PageFurniture.of(document);
        List<PreparedChunk> chunks = new ArrayList<>();
        for (ParsedPage page : document.pages()) {
            List<TextBlock> content = content(page, furniture);
            String lead = document.paged() ? lead(page, content) : "";
            for (Section section : sections(content)) {
                String context = context(identity, section.headingPath(), lead);
                String prefix = context.isEmpty() ? "" : context + "\n\n";
                int budget = Math.max(MIN_BUDGET, Math.min(settings.chunkTokens(), window - tokens.count(prefix)));
                List<Unit> units = new ArrayList<>();
                for (TextBlock block : section.blocks()) {
                    units.addAll(units(page.text(), block.start(), block.end(), budget));
                }
                pack(units, budget, (from, to) -> {
                    Chunk chunk = new Chunk(chunks.size(), page.number(), section.headingPath(), from, to,
                            page.text().substring(from, to), page.scanned() ? page.ocr().confidence() : null);
                    chunks.add(new PreparedChunk(chunk, prefix + chunk.text(), context));
                });
            }
        }
        return chunks;
    }

    @FunctionalInterface
    private interface ChunkSink {
        void accept(int start, int end);
    }

    /** Packs units into chunks of at most {@code budget} tokens, each repeating the tail of the one before. */
    private void pack(List<Unit> units, int budget, ChunkSink sink) {
        List<Unit> current = new ArrayList<>();
        int used = 0;
        for (Unit unit : units) {
            if (!current.isEmpty() && used + unit.tokens() > budget) {
                sink.accept(current.get(0).start(), current.get(current.size() - 1).end());
                current = overlapTail(current);
                used = current.stream().mapToInt(Unit::tokens).sum();
                while (!current.isEmpty() && used + unit.tokens() > budget) {
                    used -= current.remove(0).tokens();
                }
            }
            current.add(unit);
            used += unit.tokens();
        }
        if (!current.isEmpty()) {
            sink.accept(current.get(0).start(), current.get(current.size() - 1).end());
        }
    }

    /** The last whole units of a chunk that fit the overlap, never the whole chunk. */
    private List<Unit> overlapTail(List<Unit> chunk) {
        List<Unit> tail = new ArrayList<>();
        int used = 0;
        for (int i = chunk.size() - 1; i > 0; i--) {
            Unit unit = chunk.get(i);
            if (used + unit.tokens() > settings.overlapTokens()) {
                break;
            }
            tail.add(0, unit);
            used += unit.tokens();
        }
        return tail;
    }

    /** A page's blocks without its running headers and footers. */
    private static List<TextBlock> content(ParsedPage page, PageFurniture furniture) {
        List<TextBlock> content = new ArrayList<>(page.blocks().size());
        for (int i = 0; i < page.blocks().size(); i++) {
            if (!furniture.isFurniture(page, i)) {
                content.add(page.blocks().get(i));
            }
        }
        return content;
    }

    /**
     * The first words of a page (after its furniture): on a page without headings (a PDF's), what it opens with
     * ("Consolidated Balance Sheet", a slide's title) says what the page is about, and every chunk of it is led by
     * that, not only the first.
     */
    private static String lead(ParsedPage page, List<TextBlock> content) {
        if (content.isEmpty()) {
            return "";
        }
        TextBlock first = content.get(0);
        String text = page.text().substring(first.start(), Math.min(first.end(), first.start() + LEAD_CHARS * 2));
        String[] words = PlainTextStructure.collapse(text).split(" ");
        StringBuilder lead = new StringBuilder();
        for (int i = 0; i < Math.min(words.length, LEAD_WORDS) && lead.length() + words[i].length() < LEAD_CHARS; i++) {
            lead.append(lead.length() == 0 ? "" : " ").append(words[i]);
        }
        return lead.toString();
    }

    /** Groups blocks by heading path; a section of nothing but headings joins the section after it. */
    private static List<Section> sections(List<TextBlock> blocks) {
        List<Section> sections = new ArrayList<>();
        List<TextBlock> headingsOnly = new ArrayList<>();
        Section current = null;
        for (TextBlock block : blocks) {
            if (current == null || !current.headingPath().equals(block.headingPath())) {
                if (current != null && current.blocks().stream().allMatch(TextBlock::heading)) {
                    headingsOnly.addAll(current.blocks());
                    sections.remove(sections.size() - 1);
                }
                current = new Section(block.headingPath(), new ArrayList<>(headingsOnly));
                headingsOnly.clear();
                sections.add(current);
            }
            current.blocks().add(block);
        }
        return sections;
    }

    /** Cuts a block into lines, lines into sentences, and sentences longer than the budget into pieces. */
    private List<Unit> units(String text, int blockStart, int blockEnd, int budget) {
        List<Unit> units = new ArrayList<>();
        for (Sentences.Span sentence : Sentences.split(text, blockStart, blockEnd)) {
            addTrimmed(units, text, sentence.start(), sentence.end(), budget);
        }
        return units;
    }

    private void addTrimmed(List<Unit> units, String text, int start, int end, int budget) {
        // Pieces of an over-long sentence are looked for in a bounded window, so a huge run of text without a full
        // stop is cut in linear time. The window starts small and doubles while the budget's last token is not
        // safely inside it: tokenizing the largest window for every piece cost twelve times the text where words
        // are short (a file of a million one-letter lines spent 37 s here).
        int maxWindow = budget * CHARS_PER_TOKEN_BOUND;
        int window = Math.min(maxWindow, budget * FIRST_WINDOW_CHARS_PER_TOKEN);
        while (true) {
            while (start < end && Texts.isSpace(text.charAt(start))) {
                start++;
            }
            while (end > start && Texts.isSpace(text.charAt(end - 1))) {
                end--;
            }
            if (start == end) {
                return;
            }
            int windowEnd = Math.min(end, start + window);
            if (windowEnd < end && Character.isHighSurrogate(text.charAt(windowEnd - 1))) {
                windowEnd--; // half an emoji throws the tokenizer's offsets out for the whole window
            }
            String piece = text.substring(start, windowEnd);
            boolean whole = windowEnd == end;
            if (whole) {
                int count = tokens.count(piece);
                if (count <= budget) {
                    if (count > 0) { // a run of characters the tokenizer ignores has nothing to embed or find
                        units.add(new Unit(start, end, count));
                    }
                    return;
                }
            }
            int limit = tokens.prefixEnd(piece, budget);
            boolean fits = limit >= piece.length();
            if (!whole && window < maxWindow && (fits || limit > lastSpace(piece))) {
                // The budget may reach past the window, or end in its last word, which the window may have cut.
                window = Math.min(maxWindow, window * 2);
                continue;
            }
            int cut = fits ? piece.length() : cutPoint(piece, limit);
            int pieceEnd = start + cut;
            int trimmedEnd = pieceEnd;
            while (trimmedEnd > start && Texts.isSpace(text.charAt(trimmedEnd - 1))) {
                trimmedEnd--;
            }
            int pieceTokens = tokens.count(text.substring(start, trimmedEnd));
            if (pieceTokens > 0) {
                units.add(new Unit(start, trimmedEnd, pieceTokens));
            }
            start = pieceEnd;
        }
    }

    /**
     * The last ASCII space, tab or line break of a piece: where the tokenizer surely starts a new word, which it does
     * not at every space (a no-break space can sit inside one of its words, and a word of over 100 characters is one
     * unknown token, however many pieces a window's cut leaves of it).
     */
    private static int lastSpace(String piece) {
        int i = piece.length() - 1;
        while (i >= 0 && " \t\n\r".indexOf(piece.charAt(i)) < 0) {
            i--;
        }
        return i;
    }

    /**
     * Where to cut an over-long sentence: after the last space within the budget, or at the budget itself.
     *
     * @param limit where the budget's tokens end in {@code sentence}
     */
    private static int cutPoint(String sentence, int limit) {
        int space = limit;
        while (space > limit / 2 && !Texts.isSpace(sentence.charAt(space - 1))) {
            space--;
        }
        int cut = space > limit / 2 ? space : limit;
        if (cut > 0 && cut < sentence.length() && Character.isLowSurrogate(sentence.charAt(cut))) {
            cut--;
        }
        return Math.max(1, Math.min(cut, sentence.length()));
    }

    /**
     * What leads a chunk, for the encoder and for BM25: the document's identity (title and what else tells it
     * apart), then its heading path, or on a page without headings the page's first words; cut to a quarter of
     * the window.
     */
    private String context(DocumentIdentity identity, List<String> headingPath, String pageLead) {
        if (!settings.titlePrefix()) {
            return "";
        }
        StringBuilder context = new StringBuilder(identity.context());
        for (String heading : headingPath) {
            if (!heading.equals(identity.title())) {
                context.append(" > ").append(heading);
            }
        }
        if (headingPath.isEmpty() && !pageLead.isEmpty()) {
            context.append(" > ").append(pageLead);
        }
        String text = context.toString().replace('\n', ' ');
        return text.substring(0, tokens.prefixEnd(text, window / PREFIX_SHARE)).strip();
    }
}
