package dev.groundwork.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.index.Chunk;
import dev.groundwork.index.DocumentRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentTextTests {

    private static final String PAGE_ONE = "First sentence. Second sentence. Third sentence.";
    private static final String PAGE_TWO = "Page two starts. It ends here.";

    private static DocumentRecord document(Integer pages) {
        return new DocumentRecord("3f2a9c0d41b7e865", "a".repeat(64), "Heating manual", "Elm Street office",
                "heating-manual.pdf", List.of("uploads/x/heating-manual.pdf"), "application/pdf", 100, pages, 3,
                Instant.EPOCH, "p1");
    }

    private static Chunk chunk(int ordinal, Integer page, String pageText, int start, int end) {
        return new Chunk(ordinal, page, List.of(), start, end, pageText.substring(start, end));
    }

    @Test
    void putsPagesBackTogetherLeavingOutWhatEachPassageRepeats() {
        // the second passage repeats "Second sentence." of the first
        List<Chunk> passages = List.of(chunk(0, 1, PAGE_ONE, 0, 32), chunk(1, 1, PAGE_ONE, 16, 48),
                chunk(2, 2, PAGE_TWO, 0, 30));

        assertThat(DocumentText.of(document(2), passages)).isEqualTo("""
                # Heating manual

                heating-manual.pdf · Elm Street office

                ## Page 1

                First sentence. Second sentence. Third sentence.
                ## Page 2

                Page two starts. It ends here.
                """);
    }

    @Test
    void aGapBetweenPassagesIsALineBreakAndAFormatWithoutPagesHasNoPageHeadings() {
        List<Chunk> passages = List.of(chunk(0, null, PAGE_ONE, 0, 15), chunk(1, null, PAGE_ONE, 33, 48));

        assertThat(DocumentText.of(document(null), passages)).isEqualTo("""
                # Heating manual

                heating-manual.pdf · Elm Street office

                First sentence.
                Third sentence.
                """);
    }
}
