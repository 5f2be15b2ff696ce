package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.ParsedDocument.TextBlock;
import dev.groundwork.support.Bounded;
import dev.groundwork.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown and plain text are read in the service, so their reading must cost time in proportion to their size. */
class PlainTextStructureTests {

    /** Far above the milliseconds a linear reading takes; a backtracking one takes hours on the same input. */
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void headingLinesPaddedWithThousandsOfSpacesAreReadInLinearTime() throws IOException {
        // The file: 200 lines of "# a", 3,000 spaces and "x" (a backtracking pattern took 18 s a line).
        String line = "# a" + " ".repeat(3_000) + "x\n";
        Path file = dir.resolve("padded.md");
        Files.write(file, Fixtures.utf8("# Padded\n\n" + line.repeat(200) + "\nThe end of the padded file.\n"));
        TikaDocumentParser parser = TikaDocumentParser.plainTextOnly(ParseLimits.defaults(20_000_000), BOUND);

        ParsedDocument parsed = Bounded.within(BOUND, () -> parser.parse(file, "padded.md"));

        List<TextBlock> blocks = parsed.pages().get(0).blocks();
        assertThat(blocks.stream().filter(TextBlock::heading).count()).isEqualTo(201);
        assertThat(blocks.get(blocks.size() - 1).headingPath()).containsExactly("a x");
    }
}
