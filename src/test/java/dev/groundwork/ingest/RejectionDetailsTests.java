package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.support.TestThreads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refusal is told in Groundwork's words, whatever a parser or a worker said. */
class RejectionDetailsTests {

    @TempDir
    Path dir;

    @Test
    void groundworksOwnSentencesPassAndWhatLooksLikeTheInsideDoesNot() {
        assertThat(List.of("The file is empty.",
                "Files of type application/x-executable cannot be read; send a document (PDF, Office, OpenDocument, "
                        + "RTF, EPUB, HTML, Markdown, text or e-mail).",
                "The file 'report.txt' is named like text but its bytes are binary.",
                "The document has more than 2000 pages.",
                "The document was still being read after 60 s, the time limit."))
                .allMatch(RejectionDetails::isPlainSentence);
        assertThat(List.of("java.io.IOException: Page tree root must be a dictionary",
                "Cannot read /srv/groundwork/ingest/report.pdf",
                "NullPointerException",
                "The file could not be read: IllegalStateException: boom",
                "org.apache.pdfbox.pdmodel.PDDocument failed",
                "two\nlines",
                "right-to-left \u202e override",
                "Cannot read C:\\Users\\ada\\secret.docx",
                "x".repeat(500)))
                .noneMatch(RejectionDetails::isPlainSentence);
    }

    @Test
    void aWorkersRefusalInWordsOfItsOwnReachesClientsAsTheReasonsSentence() throws Exception {
        Path file = dir.resolve("any.pdf");
        java.nio.file.Files.writeString(file, "text");
        WorkerCommand command = WorkerCommand.of(StandInWorkers.LeakyRefusal.class, List.of("-Xmx64m"), List.of());

        try (IsolatedDocumentParser parser = new IsolatedDocumentParser(new ParseWorkerPool(command,
                ParseLimits.defaults(1_000_000), 1, 10, Duration.ofSeconds(60), TestThreads.watchdog()), Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> parser.parse(file, "any.pdf")).isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                assertThat(e.getMessage()).isEqualTo(RejectionDetails.standard(Reason.MALFORMED));
            });
        }
    }

    @Test
    void aFileThatCannotBeOpenedIsRefusedWithoutItsPath() {
        Path gone = dir.resolve("gone.pdf");

        assertThatThrownBy(() -> new TikaDocumentParser(ParseLimits.defaults(1_000_000)).parse(gone, "gone.pdf"))
                .isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
                    assertThat(e.getMessage()).doesNotContain(dir.toString());
                    assertThat(RejectionDetails.isPlainSentence(e.getMessage())).as(e.getMessage()).isTrue();
                });
    }
}
