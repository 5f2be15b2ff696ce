package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.ParsedDocument.ParsedPage;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.Scans;
import dev.groundwork.support.Scans.Look;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * OCR in a real parse worker, with a stand-in tesseract whose time per page the test sets: the worker tells the
 * service before each page, so the watchdog gives each page the time limit again, and still kills a worker stuck on
 * one page.
 */
class OcrWorkerTests {

    private static final ParseLimits LIMITS = ParseLimits.defaults(1_000_000);

    @TempDir
    Path dir;

    private final ScheduledExecutorService watchdog = Executors.newScheduledThreadPool(2);
    private final List<AutoCloseable> closing = new ArrayList<>(List.of(watchdog::shutdownNow));

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    /** A tesseract that takes {@code seconds} a page and reads one word on it. */
    private Path standIn(int seconds) throws IOException {
        Path script = dir.resolve("tesseract-" + seconds);
        Files.writeString(script, "#!/bin/sh\nsleep " + seconds + "\n"
                + "printf 'level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext\\n'\n"
                + "printf '5\\t1\\t1\\t1\\t1\\t1\\t0\\t0\\t1\\t1\\t91\\tlighthouse\\n'\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return script;
    }

    private IsolatedDocumentParser parser(Path tesseract, Duration timeout) {
        OcrOptions ocr = new OcrOptions(OcrMode.AUTO, "eng", tesseract.toString(), Duration.ofSeconds(60), 200, 40_000_000);
        ParseWorkerPool pool = new ParseWorkerPool(WorkerCommand.parseWorker(LIMITS, ocr, DataSize.ofMegabytes(512),
                WorkerSandbox.NONE), LIMITS, 1, 50, Duration.ofSeconds(60), watchdog);
        IsolatedDocumentParser parser = new IsolatedDocumentParser(pool, timeout, ocr);
        closing.add(parser);
        return parser;
    }

    private Path scan(String name, int pages) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, Scans.scannedPdf(Collections.nCopies(pages, Scans.page(List.of("A lighthouse."), Look.CLEAN))));
        return file;
    }

    @Test
    void eachPageGetsTheTimeLimitAgainSoALongScanIsReadWhole() throws IOException {
        // four pages of 3 s each: 12 s of OCR, past the 8 s time limit of a document, never past it for a page
        IsolatedDocumentParser parser = parser(standIn(3), Duration.ofSeconds(8));

        ParsedDocument parsed = parser.parse(scan("long.pdf", 4), "long.pdf");

        assertThat(parsed.pages()).extracting(ParsedPage::number).containsExactly(1, 2, 3, 4);
        assertThat(parsed.pages()).allMatch(ParsedPage::scanned);
        assertThat(parsed.pages()).allSatisfy(page -> assertThat(page.text()).isEqualTo("lighthouse"));
        assertThat(parsed.pages().get(0).ocr().confidence()).isEqualTo(91f);
    }

    @Test
    void aWorkerStuckOnOnePageIsKilledAtTheTimeLimitAndTheNextDocumentIsRead() throws IOException {
        IsolatedDocumentParser parser = parser(standIn(120), Duration.ofSeconds(5));
        Path text = dir.resolve("text.pdf");
        Files.write(text, Fixtures.pdf("The ferry leaves the north pier every hour."));

        assertThatThrownBy(() -> parser.parse(scan("stuck.pdf", 1), "stuck.pdf"))
                .isInstanceOfSatisfying(RejectedDocumentException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        assertThat(parser.parse(text, "text.pdf").pages().get(0).text()).contains("north pier");
    }
}
