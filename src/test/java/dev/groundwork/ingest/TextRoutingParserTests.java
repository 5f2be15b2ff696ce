package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.support.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Plain text and Markdown are read in the service, with the worker's text and refusals; everything else goes to a worker. */
class TextRoutingParserTests {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration TIME_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** What the application's parse watchdog is, for the pools these tests make. */
    private final ScheduledExecutorService watchdog = Executors.newScheduledThreadPool(2);
    private final List<AutoCloseable> closing = new ArrayList<>(List.of(watchdog::shutdownNow));

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    /** Routes to stand-in workers that answer "Parsed NAME" for any file, so a worker's answer is easy to tell. */
    private TextRoutingParser withStandInWorkers(ParseLimits limits) {
        WorkerCommand command = WorkerCommand.of(StandInWorkers.HangsOnSomeFiles.class,
                List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), List.of());
        IsolatedDocumentParser isolated = new IsolatedDocumentParser(
                new ParseWorkerPool(command, limits, 1, 50, START, watchdog), TIME_LIMIT);
        TextRoutingParser parser = new TextRoutingParser(TikaDocumentParser.plainTextOnly(limits, TIME_LIMIT), isolated);
        closing.add(parser);
        return parser;
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static String text(ParsedDocument document) {
        return String.join("\n", document.pages().stream().map(ParsedDocument.ParsedPage::text).toList());
    }

    /** The document, or the reason and message it was refused with. */
    private static Object outcome(java.util.function.Supplier<ParsedDocument> parse) {
        try {
            return parse.get();
        } catch (RejectedDocumentException e) {
            return e.reason() + ": " + e.getMessage();
        }
    }

    @Test
    void textAndMarkdownReadInTheServiceEqualWhatAWorkerReads() throws IOException {
        ParseLimits limits = ParseLimits.defaults(1_000_000);
        Path txt = file("notes.txt", Fixtures.utf8("Notes\n\nThe backup runs at two.\nIt takes an hour.\n\n- one\n- two\n"));
        Path md = file("guide.md", Fixtures.utf8("# Guide\n\nSome *text* here.\n\n## Part\n\nMore text.\n"));
        // Tika's magic detector takes this for binary; it is text, read in its own charset, in a worker as here.
        Path latin1 = file("old.txt", "Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade, \u00e0 bient\u00f4t.\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        IsolatedDocumentParser worker = new IsolatedDocumentParser(new ParseWorkerPool(
                WorkerCommand.parseWorker(limits, DataSize.ofMegabytes(256), WorkerSandbox.NONE), limits, 1, 50, START,
                watchdog), TIME_LIMIT);
        closing.add(worker);
        TextRoutingParser routing = new TextRoutingParser(TikaDocumentParser.plainTextOnly(limits, TIME_LIMIT), worker);

        for (Path file : List.of(txt, md, latin1)) {
            String name = file.getFileName().toString();
            assertThat(routing.readsInService(file, name)).as(name).isTrue();
            assertThat(outcome(() -> routing.parse(file, name))).as(name).isEqualTo(outcome(() -> worker.parse(file, name)));
        }
        assertThat(text(routing.parse(latin1, "old.txt"))).startsWith("Caf\u00e9 cr\u00e8me, na\u00efve");
        assertThat(routing.signature()).isEqualTo(worker.signature());
    }

    @Test
    void otherFormatsGoToAWorkerWhateverTheirName() throws IOException {
        TextRoutingParser parser = withStandInWorkers(ParseLimits.defaults(1_000_000));
        Path pdf = file("report.pdf", Fixtures.pdf("A page about apples."));
        Path pdfNamedText = file("disguised.txt", Fixtures.pdf("A page about pears."));
        Path html = file("page.html", Fixtures.utf8("<html><body><p>Hello</p></body></html>"));
        Path docx = file("handbook.txt", Fixtures.docx().paragraph("Backups run at two.").bytes());

        for (Path file : List.of(pdf, pdfNamedText, html, docx)) {
            String name = file.getFileName().toString();
            assertThat(parser.readsInService(file, name)).as(name).isFalse();
            assertThat(text(parser.parse(file, name))).as(name).isEqualTo("Parsed " + name);
        }
    }

    @Test
    void textReadInTheServiceKeepsTheLimitsAndReasons() throws IOException {
        TextRoutingParser parser = withStandInWorkers(ParseLimits.defaults(1_000));
        Path long_ = file("long.txt", Fixtures.utf8("word ".repeat(1_000)));
        Path empty = file("empty.txt", new byte[0]);
        Path blank = file("blank.md", Fixtures.utf8("   \n\n  \n"));
        byte[] binary = new byte[2048];
        new java.util.Random(7).nextBytes(binary);
        Path renamedBinary = file("data.txt", binary);

        assertThatThrownBy(() -> parser.parse(long_, "long.txt")).isInstanceOfSatisfying(RejectedDocumentException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.EXPANDS_TOO_MUCH));
        assertThatThrownBy(() -> parser.parse(empty, "empty.txt")).isInstanceOfSatisfying(RejectedDocumentException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE));
        assertThatThrownBy(() -> parser.parse(blank, "blank.md")).isInstanceOfSatisfying(RejectedDocumentException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NO_TEXT));
        // binary bytes named as text: the bytes decide, so they are not read in the service; and its reader, handed them
        // anyway, refuses them as the workers' parser would
        assertThat(parser.readsInService(renamedBinary, "data.txt")).isFalse();
        assertThatThrownBy(() -> TikaDocumentParser.plainTextOnly(ParseLimits.defaults(1_000), TIME_LIMIT)
                .parse(renamedBinary, "data.txt"))
                .isInstanceOfSatisfying(RejectedDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_TYPE));
    }

    @Test
    void textReadInTheServiceStopsAtTheParseTimeLimitWithTheWorkersReason() throws IOException {
        // Reading is linear, but no watchdog can kill the service: it must stop itself, as a worker would be stopped.
        Path big = file("big.md", Fixtures.utf8("# Notes\n\n" + "A line of notes about the weekly meeting.\n".repeat(200_000)));
        TikaDocumentParser inService = TikaDocumentParser.plainTextOnly(ParseLimits.defaults(20_000_000), Duration.ofMillis(1));

        assertThatThrownBy(() -> inService.parse(big, "big.md")).isInstanceOfSatisfying(RejectedDocumentException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("The document was still being read after 1 ms, the time limit.");
        });
        assertThat(TikaDocumentParser.plainTextOnly(ParseLimits.defaults(20_000_000), TIME_LIMIT).parse(big, "big.md").hasText())
                .isTrue();
    }
}
