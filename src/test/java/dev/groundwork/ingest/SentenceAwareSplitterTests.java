package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.EncoderTestSupport;
import dev.groundwork.embed.TokenCounter;
import dev.groundwork.index.Chunk;
import dev.groundwork.ingest.ParsedDocument.ParsedPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentenceAwareSplitterTests {

    private static Encoder encoder;
    private static TokenCounter tokens;

    @BeforeAll
    static void loadEncoder() {
        encoder = EncoderTestSupport.sharedEncoder();
        tokens = encoder.tokenCounter();
    }

    private static SentenceAwareSplitter splitter(int chunkTokens, int overlapTokens) {
        return new SentenceAwareSplitter(new SplitSettings(chunkTokens, overlapTokens, true), encoder);
    }

    private static ParsedDocument markdown(String text) {
        DocumentTextBuilder builder = new DocumentTextBuilder();
        String heading = PlainTextStructure.read(text, true, builder);
        return new ParsedDocument("text/markdown", heading == null ? "Doc" : heading, false, builder.build());
    }

    private static String prose(int sentences, long seed) {
        Random random = new Random(seed);
        String[] words = {"river", "mountain", "library", "engine", "garden", "letter", "window", "harbour",
                "teacher", "market", "station", "winter", "journey", "island", "lantern", "orchard"};
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            int length = 5 + random.nextInt(20);
            StringBuilder sentence = new StringBuilder("Sentence " + s);
            for (int w = 0; w < length; w++) {
                sentence.append(' ').append(words[random.nextInt(words.length)]);
            }
            text.append(sentence).append(". ");
        }
        return text.toString().strip();
    }

    @Test
    void everyChunkFitsTheBudgetAndItsOffsetsGiveBackTheExactSourceText() {
        ParsedDocument document = markdown("# Title\n\n" + prose(60, 1) + "\n\n" + prose(40, 2) + "\n");

        List<PreparedChunk> chunks = splitter(64, 12).split(document, titleOnly(document));

        ParsedPage page = document.pages().get(0);
        assertThat(chunks).hasSizeGreaterThan(5);
        for (PreparedChunk prepared : chunks) {
            Chunk chunk = prepared.chunk();
            assertThat(tokens.count(chunk.text())).isLessThanOrEqualTo(64);
            assertThat(page.text().substring(chunk.start(), chunk.end())).isEqualTo(chunk.text());
            assertThat(prepared.embeddingText()).startsWith("Title").endsWith(chunk.text());
            assertThat(tokens.count(prepared.embeddingText()) + 2).isLessThanOrEqualTo(encoder.maxTokens());
        }
        assertThat(chunks).extracting(c -> c.chunk().ordinal()).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, chunks.size()).boxed().toList());
    }

    @Test
    void chunksEndAtSentenceEndsAndTheNextRepeatsTheLastSentences() {
        ParsedDocument document = markdown(prose(80, 3));

        List<PreparedChunk> chunks = splitter(80, 20).split(document, titleOnly(document));

        int overlapping = 0;
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i).chunk();
            assertThat(chunk.text()).startsWith("Sentence ").endsWith(".");
            if (i > 0 && chunk.start() < chunks.get(i - 1).chunk().end()) {
                overlapping++;
                String repeated = document.pages().get(0).text().substring(chunk.start(), chunks.get(i - 1).chunk().end());
                assertThat(tokens.count(repeated)).isLessThanOrEqualTo(20);
            }
        }
        assertThat(overlapping).isGreaterThan(chunks.size() / 2);
    }

    @Test
    void withoutOverlapChunksTileTheText() {
        ParsedDocument document = markdown(prose(50, 4));

        List<PreparedChunk> chunks = splitter(60, 0).split(document, titleOnly(document));

        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).chunk().start()).isGreaterThan(chunks.get(i - 1).chunk().end());
        }
    }

    @Test
    void aSentenceLongerThanTheBudgetIsCutAtSpacesAndNothingIsLost() {
        String longSentence = String.join(" ", java.util.Collections.nCopies(300, "lorem")) + ".";
        ParsedDocument document = markdown(longSentence);

        List<PreparedChunk> chunks = splitter(50, 0).split(document, titleOnly(document));

        assertThat(chunks).hasSizeGreaterThanOrEqualTo(6);
        StringBuilder joined = new StringBuilder();
        for (PreparedChunk chunk : chunks) {
            assertThat(tokens.count(chunk.chunk().text())).isLessThanOrEqualTo(50);
            assertThat(chunk.chunk().text()).doesNotStartWith(" ").doesNotEndWith(" ");
            joined.append(joined.length() == 0 ? "" : " ").append(chunk.chunk().text());
        }
        assertThat(joined.toString()).isEqualTo(longSentence);
    }

    @Test
    void aRunWithoutSpacesOrStopsIsStillCut() {
        String blob = "x".repeat(20_000);
        ParsedDocument document = markdown(blob);

        List<PreparedChunk> chunks = splitter(50, 0).split(document, titleOnly(document));

        assertThat(chunks.stream().mapToInt(c -> c.chunk().text().length()).sum()).isEqualTo(blob.length());
        chunks.forEach(c -> assertThat(tokens.count(c.chunk().text())).isLessThanOrEqualTo(50));
    }

    @Test
    void chunksStayInsideTheirSectionAndCarryItsHeadingPath() {
        ParsedDocument document = markdown("""
                # Manual

                Intro text for the manual.

                ## Install

                Run the installer. Accept the licence.

                ## Upgrade

                Stop the service first.
                """);

        List<PreparedChunk> chunks = splitter(256, 38).split(document, titleOnly(document));

        assertThat(chunks).extracting(c -> c.chunk().headingPath()).containsExactly(
                List.of("Manual"), List.of("Manual", "Install"), List.of("Manual", "Upgrade"));
        assertThat(chunks.get(1).chunk().text()).isEqualTo("Install\n\nRun the installer. Accept the licence.");
        assertThat(chunks.get(2).embeddingText()).startsWith("Manual > Upgrade\n\n");
    }

    @Test
    void aHeadingWithNothingUnderItJoinsTheNextSection() {
        ParsedDocument document = markdown("# Book\n\n## Part one\n\n### Chapter one\n\nIt was a dark night.\n");

        List<PreparedChunk> chunks = splitter(256, 0).split(document, titleOnly(document));

        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).chunk().text()).startsWith("Book").endsWith("It was a dark night.");
        assertThat(chunks.get(0).chunk().headingPath()).containsExactly("Book", "Part one", "Chapter one");
    }

    @Test
    void chunksNeverCrossPagesAndKeepThePageNumber() {
        DocumentTextBuilder builder = new DocumentTextBuilder();
        for (int page = 1; page <= 3; page++) {
            builder.startPage();
            builder.addBlock("Page " + page + " says hello. It has two sentences.", List.of(), false, false);
        }
        ParsedDocument document = new ParsedDocument("application/pdf", "Paged", true, builder.build());

        List<PreparedChunk> chunks = splitter(256, 38).split(document, titleOnly(document));

        assertThat(chunks).extracting(c -> c.chunk().page()).containsExactly(1, 2, 3);
        assertThat(chunks.get(1).chunk().text()).isEqualTo("Page 2 says hello. It has two sentences.");
    }

    @Test
    void runningHeadersAndFootersAreLeftOutAndEveryChunkOfAPageIsLedByItsOpening() {
        DocumentTextBuilder builder = new DocumentTextBuilder();
        for (int page = 1; page <= 8; page++) {
            builder.startPage();
            builder.addBlock("Table of Contents", List.of(), false, false);
            builder.addBlock(page == 5 ? "Consolidated Balance Sheet" : "Operating review " + page, List.of(), false, false);
            builder.addBlock(prose(12, page), List.of(), false, false);
            builder.addBlock("Page " + page + " of 8", List.of(), false, false);
        }
        ParsedDocument document = new ParsedDocument("application/pdf", "Annual report", true, builder.build());

        List<PreparedChunk> chunks = splitter(48, 0).split(document, titleOnly(document));

        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.chunk().text())
                .doesNotContain("Table of Contents").doesNotContainPattern("Page \\d of 8"));
        List<PreparedChunk> balanceSheet = chunks.stream().filter(c -> c.chunk().page() == 5).toList();
        assertThat(balanceSheet).hasSizeGreaterThan(2).allSatisfy(chunk -> {
            assertThat(chunk.context()).isEqualTo("Annual report > Consolidated Balance Sheet");
            assertThat(chunk.embeddingText()).startsWith("Annual report > Consolidated Balance Sheet\n\n");
        });
    }

    @Test
    void aPageWhoseOnlyTextRepeatsOnEveryPageIsKept() {
        DocumentTextBuilder builder = new DocumentTextBuilder();
        for (int page = 1; page <= 5; page++) {
            builder.startPage();
            builder.addBlock("Slide " + page, List.of(), false, false);
        }
        ParsedDocument document = new ParsedDocument("application/pdf", "Deck", true, builder.build());

        assertThat(splitter(64, 0).split(document, titleOnly(document))).hasSize(5);
    }

    @Test
    void whitespaceOnlyTextMakesNoChunks() {
        DocumentTextBuilder builder = new DocumentTextBuilder();
        builder.addBlock("\u00a0\u2003\u200b", List.of(), false, false);
        ParsedDocument document = new ParsedDocument("text/plain", "Blank", false, builder.build());

        assertThat(splitter(256, 38).split(document, titleOnly(document))).isEmpty();
    }

    @Test
    void theTitlePrefixCanBeSwitchedOff() {
        ParsedDocument document = markdown("# Heading\n\nBody text.");
        SentenceAwareSplitter plain = new SentenceAwareSplitter(new SplitSettings(256, 38, false), encoder);

        List<PreparedChunk> chunks = plain.split(document, titleOnly(document));

        assertThat(chunks.get(0).embeddingText()).isEqualTo(chunks.get(0).chunk().text());
    }

    @Test
    void largeDocumentsSplitIntoManyChunksInOrder() {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            paragraphs.add(prose(5, i));
        }
        ParsedDocument document = markdown(String.join("\n\n", paragraphs));

        List<PreparedChunk> chunks = splitter(128, 16).split(document, titleOnly(document));

        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).chunk().start()).isGreaterThan(chunks.get(i - 1).chunk().start());
        }
    }

    private static DocumentIdentity titleOnly(ParsedDocument document) {
        return new DocumentIdentity(document.title(), "");
    }
}
