package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.ParseProtocol.Parsed;
import dev.groundwork.ingest.ParseProtocol.Rejected;
import dev.groundwork.ingest.ParseProtocol.Reply;
import dev.groundwork.ingest.ParseProtocol.Request;
import dev.groundwork.ingest.RejectedDocumentException.Reason;
import dev.groundwork.support.Containers;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.HostileFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Parsing in worker processes: the same documents as in the service, and a service that survives its workers. */
class IsolatedDocumentParserTests {

    private static final Duration START = Duration.ofSeconds(60);
    /** Generous: a cold worker on a loaded two-core machine reads a small file in well under this. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(30);
    /** What stand-in workers' replies are held to. */
    private static final ParseLimits STAND_IN_LIMITS = ParseLimits.defaults(1_000_000);

    @TempDir
    Path dir;

    /** What the application's parse watchdog is, for the pools these tests make. */
    private final ScheduledExecutorService watchdog = Executors.newScheduledThreadPool(2);
    private final List<AutoCloseable> closing = new ArrayList<>(List.of(watchdog::shutdownNow));

    @AfterEach
    void closePools() throws Exception {
        for (AutoCloseable closeable : closing) {
            closeable.close();
        }
    }

    private IsolatedDocumentParser realParser(ParseLimits limits, DataSize heap, Duration timeout, int workers) {
        ParseWorkerPool pool = new ParseWorkerPool(WorkerCommand.parseWorker(limits, heap, WorkerSandbox.NONE), limits,
                workers, 50, START, watchdog);
        IsolatedDocumentParser parser = new IsolatedDocumentParser(pool, timeout);
        closing.add(parser);
        return parser;
    }

    private ParseWorkerPool standInPool(Class<?> mainClass, int workers) {
        WorkerCommand command = WorkerCommand.of(mainClass, List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"), List.of());
        ParseWorkerPool pool = new ParseWorkerPool(command, STAND_IN_LIMITS, workers, 50, START, watchdog);
        closing.add(pool);
        return pool;
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    @Test
    void aWorkerParsesExactlyWhatTheServiceWouldParseItself() throws IOException {
        ParseLimits limits = ParseLimits.defaults(1_000_000);
        Path pdf = file("report.pdf", Fixtures.pdf("The first page talks about apples.", "The second page about pears."));
        Path docx = file("handbook.docx", Fixtures.docx().title("Handbook").heading(1, "Backups")
                .paragraph("Backups run at two.").bytes());
        IsolatedDocumentParser isolated = realParser(limits, DataSize.ofMegabytes(256), TIME_LIMIT, 1);
        TikaDocumentParser inProcess = new TikaDocumentParser(limits);

        assertThat(isolated.parse(pdf, "report.pdf")).isEqualTo(inProcess.parse(pdf, "report.pdf"));
        assertThat(isolated.parse(docx, "handbook.docx")).isEqualTo(inProcess.parse(docx, "handbook.docx"));
        assertThat(isolated.signature()).isEqualTo(inProcess.signature());
    }

    @Test
    void aWorkerReadsAnArchiveExactlyAsTheServiceWouldReadItItself() throws IOException {
        ParseLimits limits = ParseLimits.defaults(1_000_000);
        Path zip = file("docs.zip", Containers.zip(Containers.entries(
                "reports/q3.pdf", Fixtures.pdf("Apples in the first quarter.", "Pears in the second."),
                "photo.png", Fixtures.png(),
                "handbook.docx", Fixtures.docx().title("Handbook").paragraph("Backups run at two.").bytes())));
        IsolatedDocumentParser isolated = realParser(limits, DataSize.ofMegabytes(256), TIME_LIMIT, 1);

        ParsedFile read = isolated.read(zip, "docs.zip");

        assertThat(read).isEqualTo(new TikaDocumentParser(limits).read(zip, "docs.zip"));
        assertThat(((ParsedContainer) read).read()).extracting(ContainerMember::name)
                .containsExactly("reports/q3.pdf", "handbook.docx");
    }

    @Test
    void aWorkerThatDiesOnAMemberCostsThatMemberAndAFreshWorkerReadsTheRest() throws IOException {
        IsolatedDocumentParser parser = new IsolatedDocumentParser(standInPool(StandInWorkers.DiesOnTheSecondMember.class, 1),
                TIME_LIMIT);
        Path zip = file("three.zip", Fixtures.utf8("stand-in workers do not read the file"));

        ParsedContainer read = (ParsedContainer) parser.read(zip, "three.zip");

        assertThat(read.members()).extracting(ContainerMember::name).containsExactly("first.txt", "second.txt", "third.txt");
        assertThat(read.read()).extracting(ContainerMember::name).containsExactly("first.txt", "third.txt");
        assertThat(((ContainerMember.Refused) read.members().get(1)).refusal().reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void refusalsComeBackWithTheirReason() throws IOException {
        IsolatedDocumentParser parser = realParser(new ParseLimits(1_000_000, 100, 3, 50, 100, 256, 20),
                DataSize.ofMegabytes(256), TIME_LIMIT, 1);

        assertThatThrownBy(() -> parser.parse(file("secret.pdf", HostileFiles.encryptedPdf()), "secret.pdf"))
                .isInstanceOf(RejectedDocumentException.class).extracting("reason").isEqualTo(Reason.ENCRYPTED);
        assertThatThrownBy(() -> parser.parse(file("endless.pdf", HostileFiles.manyPagePdf(150)), "endless.pdf"))
                .extracting("reason").isEqualTo(Reason.TOO_MANY_PAGES);
        assertThat(parser.parse(file("fine.txt", Fixtures.utf8("Still reading after refusals.")), "fine.txt").hasText())
                .isTrue();
    }

    @Test
    void aDocumentStillParsingAtTheTimeLimitTimesOutAndTheNextOneParses() throws IOException {
        // Thousands of pages, with the page limit above them: legitimately slow, and killed at the limit.
        Path slow = file("slow.pdf", HostileFiles.manyPagePdf(20_000));
        Path quick = file("quick.txt", Fixtures.utf8("A short note."));
        IsolatedDocumentParser parser = realParser(new ParseLimits(10_000_000, 100_000, 3, 50, 100, 256, 20),
                DataSize.ofMegabytes(512), Duration.ofMillis(300), 1);

        long started = System.nanoTime();
        assertThatThrownBy(() -> parser.parse(slow, "slow.pdf"))
                .isInstanceOf(RejectedDocumentException.class).extracting("reason").isEqualTo(Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        IsolatedDocumentParser patient = realParser(ParseLimits.defaults(1_000_000), DataSize.ofMegabytes(256), TIME_LIMIT, 1);
        assertThat(patient.parse(quick, "quick.txt").hasText()).isTrue();
    }

    @Test
    void aWorkerThatNeverAnswersIsKilledAtTheTimeLimit() throws IOException {
        ParseWorkerPool pool = standInPool(StandInWorkers.Silent.class, 1);
        Path file = file("any.txt", Fixtures.utf8("text"));

        long started = System.nanoTime();
        Reply reply = pool.parse(new Request(file, "any.txt"), Duration.ofSeconds(1));

        assertThat(reply).isEqualTo(new Rejected(Reason.TIMEOUT, "The document was still being read after 1 s, the time limit."));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aWorkerThatRunsOutOfMemoryMeansTheDocumentExpandsTooMuch() throws IOException {
        ParseWorkerPool pool = standInPool(StandInWorkers.Hungry.class, 1);
        Path file = file("any.txt", Fixtures.utf8("text"));

        Reply first = pool.parse(new Request(file, "any.txt"), TIME_LIMIT);
        Reply second = pool.parse(new Request(file, "any.txt"), TIME_LIMIT);

        assertThat(first).isInstanceOf(Rejected.class).extracting("reason").isEqualTo(Reason.EXPANDS_TOO_MUCH);
        assertThat(second).as("a fresh worker took the dead one's place").extracting("reason").isEqualTo(Reason.EXPANDS_TOO_MUCH);
    }

    @Test
    void aRealDocumentTooBigForTheWorkerHeapExpandsTooMuch() throws IOException {
        // 400 MB of text inflated from a 400 KB DOCX, against a 128 MB worker: whichever limit trips first,
        // Tika's ratio, POI's or the heap, the service sees the same reason and keeps going.
        IsolatedDocumentParser parser = realParser(new ParseLimits(1_000_000_000, 100, 3, 50, 100_000, 256, 20),
                DataSize.ofMegabytes(128), TIME_LIMIT, 1);
        Path bomb = file("bomb.docx", HostileFiles.zipBombDocx(400));

        assertThatThrownBy(() -> parser.parse(bomb, "bomb.docx"))
                .isInstanceOf(RejectedDocumentException.class).extracting("reason").isEqualTo(Reason.EXPANDS_TOO_MUCH);
        assertThat(parser.parse(file("after.txt", Fixtures.utf8("Life goes on.")), "after.txt").hasText()).isTrue();
    }

    @Test
    void aCrashingWorkerMakesTheDocumentMalformed() throws IOException {
        ParseWorkerPool pool = standInPool(StandInWorkers.Crashing.class, 1);

        Reply reply = pool.parse(new Request(file("any.txt", Fixtures.utf8("text")), "any.txt"), TIME_LIMIT);

        assertThat(reply).isEqualTo(new Rejected(Reason.MALFORMED, "The parser stopped on this file (worker exit code 1)."));
    }

    @Test
    void strayOutputOnAWorkersStdoutIsNeverTakenForADocument() throws IOException {
        ParseWorkerPool pool = standInPool(StandInWorkers.Chatty.class, 1);

        Reply reply = pool.parse(new Request(file("any.txt", Fixtures.utf8("text")), "any.txt"), TIME_LIMIT);

        assertThat(reply).isInstanceOf(Rejected.class).extracting("reason").isEqualTo(Reason.MALFORMED);
    }

    @Test
    void ordinaryDocumentsParseWhileAnotherWorkerIsStuck() throws Exception {
        ParseWorkerPool pool = standInPool(StandInWorkers.HangsOnSomeFiles.class, 2);
        Path file = file("any.txt", Fixtures.utf8("text"));
        Duration limit = Duration.ofSeconds(5);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<Reply> stuck = CompletableFuture.supplyAsync(
                    () -> pool.parse(new Request(file, "hang.txt"), limit), threads);
            List<Reply> quick = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String name = "quick-" + i + ".txt";
                quick.add(CompletableFuture.supplyAsync(() -> pool.parse(new Request(file, name), limit), threads)
                        .get(60, TimeUnit.SECONDS));
            }

            assertThat(stuck).as("the stuck file is still being waited for").isNotDone();
            assertThat(quick).allSatisfy(reply -> assertThat(reply).isInstanceOf(Parsed.class));
            assertThat(stuck.get(60, TimeUnit.SECONDS)).extracting("reason").isEqualTo(Reason.TIMEOUT);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void whenEveryWorkerIsStuckTheNextDocumentWaitsOnlyUntilTheTimeLimitFreesOne() throws Exception {
        ParseWorkerPool pool = standInPool(StandInWorkers.HangsOnSomeFiles.class, 2);
        Path file = file("any.txt", Fixtures.utf8("text"));
        Duration limit = Duration.ofSeconds(3);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Reply>> stuck = List.of(
                    CompletableFuture.supplyAsync(() -> pool.parse(new Request(file, "hang-1.txt"), limit), threads),
                    CompletableFuture.supplyAsync(() -> pool.parse(new Request(file, "hang-2.txt"), limit), threads));
            await().atMost(Duration.ofSeconds(60)).until(() -> pool.busy() == 2);
            long asked = System.nanoTime();

            Reply waited = CompletableFuture.supplyAsync(() -> pool.parse(new Request(file, "quick.txt"), limit), threads)
                    .get(60, TimeUnit.SECONDS);

            Duration wait = Duration.ofNanos(System.nanoTime() - asked);
            assertThat(waited).isInstanceOf(Parsed.class);
            assertThat(stuck).as("it waited for a stuck one to be stopped at its limit").anyMatch(CompletableFuture::isDone);
            assertThat(wait).as("and no longer than the limit and a fresh worker's start").isLessThan(limit.plus(START));
            for (CompletableFuture<Reply> reply : stuck) {
                assertThat(reply.get(60, TimeUnit.SECONDS)).extracting("reason").isEqualTo(Reason.TIMEOUT);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theParsedReplyCarriesPagesBlocksAndHeadings() throws IOException {
        ParsedDocument document = new ParsedDocument("text/markdown", "Guide", true, List.of(
                new ParsedDocument.ParsedPage(1, "Guide\n\nText.", List.of(
                        new ParsedDocument.TextBlock(0, 5, List.of("Guide"), true),
                        new ParsedDocument.TextBlock(7, 12, List.of("Guide"), false))),
                new ParsedDocument.ParsedPage(2, "", List.of())));
        var bytes = new java.io.ByteArrayOutputStream();
        ParseProtocol.writeParsed(new java.io.DataOutputStream(bytes), document);

        Reply reply = ParseProtocol.readReply(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())),
                STAND_IN_LIMITS);

        assertThat(reply).isEqualTo(new Parsed(document));
    }

    @Test
    void aReplyLargerThanTheServiceWouldAcceptIsRefusedAndItsWorkerKilled() throws IOException {
        ParseWorkerPool pool = standInPool(StandInWorkers.Bloated.class, 1);

        Reply reply = pool.parse(new Request(file("any.txt", Fixtures.utf8("text")), "any.txt"), TIME_LIMIT);

        // the class first: the whole bloated document in a failure message would be ten million characters long
        assertThat(reply.getClass()).isEqualTo(Rejected.class);
        assertThat(reply).isEqualTo(new Rejected(Reason.MALFORMED, "The parser gave no usable answer for this file."));
    }

    @Test
    void whatAWorkerWritesOnStderrReachesTheLogOneEscapedLineAtATime() throws IOException {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(WorkerOutput.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            ParseWorkerPool pool = standInPool(StandInWorkers.Noisy.class, 1);

            assertThat(pool.parse(new Request(file("any.txt", Fixtures.utf8("text")), "any.txt"), TIME_LIMIT)).isInstanceOf(Parsed.class);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (logged.list.size() < 2 && System.nanoTime() < deadline) {
                Thread.yield();
            }
            List<String> lines = logged.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).startsWith("[parse-worker ").endsWith("] first line");
            assertThat(lines.get(1)).startsWith("[parse-worker ")
                    .endsWith("] 2026-01-01T00:00:00Z ERROR forged entry\\rcarriage\\u001b[2Khidden\\u202ereversed");
            assertThat(String.join("", lines).codePoints())
                    .noneMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
        } finally {
            logger.detachAppender(logged);
        }
    }
}
