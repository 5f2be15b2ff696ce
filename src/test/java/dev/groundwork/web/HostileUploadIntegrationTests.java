package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.Fixtures;
import dev.groundwork.support.HostileFiles;
import dev.groundwork.support.MultipartBody;
import dev.groundwork.support.TestDirs;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile files and hostile requests against the running service, over HTTP: each gets its status and code
 * within its time limit while ordinary uploads beside them succeed, and the service stays up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.ingest.max-file-size=8MB",
        "groundwork.ingest.max-request-size=16MB",
        "groundwork.ingest.max-files-per-request=5",
        "groundwork.parse.max-pages=500",
        "groundwork.parse.timeout=30s",
        "groundwork.parse.workers=2"})
class HostileUploadIntegrationTests {

    /** The parse time limit, plus waiting for a worker behind other hostile files on a loaded 2-core machine. */
    private static final Duration EACH_WITHIN = Duration.ofSeconds(120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(8);
    private static Path root;

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        root = TestDirs.register(registry);
    }

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private record Expected(String name, byte[] bytes, int status, String code) {
    }

    private record Outcome(Expected expected, HttpResponse<String> response, Duration took) {
    }

    @Test
    void eachHostileFileGetsItsReasonWithinItsTimeLimitWhileOrdinaryUploadsSucceed() throws Exception {
        byte[] pdf = Fixtures.pdf("Quarterly figures, page one.", "Quarterly figures, page two.");
        byte[] docx = Fixtures.docx().paragraph("The minutes of the meeting.").bytes();
        List<Expected> hostile = List.of(
                new Expected("bomb.docx", HostileFiles.zipBombDocx(100), 422, "EXPANDS_TOO_MUCH"),
                new Expected("invoice.eml", HostileFiles.emailWithAttachment("Invoice", "invoice.zip", HostileFiles.zipBomb(200)), 422, "EXPANDS_TOO_MUCH"),
                new Expected("nested.eml", HostileFiles.emailWithAttachment("Nested", "nested.zip", HostileFiles.nestedZip(100)), 422, "TOO_DEEP"),
                new Expected("laughs.odt", HostileFiles.billionLaughsOdt(), 422, "EXPANDS_TOO_MUCH"),
                new Expected("laughs.docx", HostileFiles.billionLaughsDocx(), 422, "MALFORMED"),
                new Expected("cut.pdf", HostileFiles.truncated(pdf, 0.5), 422, "MALFORMED"),
                new Expected("cut.docx", HostileFiles.truncated(docx, 0.5), 422, "MALFORMED"),
                new Expected("flipped.pdf", HostileFiles.bitFlipped(pdf, 9, 40, 1), 422, "MALFORMED"),
                new Expected("flipped.docx", HostileFiles.bitFlipped(docx, 0, 40, 1), 422, "MALFORMED"),
                new Expected("endless.pdf", HostileFiles.manyPagePdf(2000), 422, "TOO_MANY_PAGES"),
                new Expected("secret.pdf", HostileFiles.encryptedPdf(), 422, "ENCRYPTED"),
                new Expected("report.pdf", HostileFiles.elfExecutable(), 415, "UNSUPPORTED_TYPE"),
                new Expected("deep.html", HostileFiles.deeplyNestedHtml(100_000), 422, "TOO_DEEP"),
                new Expected("scan.pdf", Fixtures.imageOnlyPdf(), 422, "NO_TEXT"));
        List<Expected> ordinary = List.of(
                new Expected("apples.pdf", Fixtures.pdf("Orchard report: the zanzibarite apples ripened early."), 201, null),
                new Expected("pears.docx", Fixtures.docx().paragraph("Pear harvest: the quillworth pears were late.").bytes(), 201, null),
                new Expected("plums.txt", Fixtures.utf8("Plum notes: the vorpalite plums were sweet."), 201, null),
                new Expected("cherries.md", Fixtures.utf8("# Cherries\n\nThe brindlewick cherries split in the rain."), 201, null),
                new Expected("figs.eml", Fixtures.eml("a@example.org", "b@example.org", "Figs", "The mulberrine figs arrive Monday."), 201, null),
                new Expected("grapes.pptx", Fixtures.pptx("Grapes", "The tessaline grapes made good wine."), 201, null),
                // read in the service: 200 heading lines a backtracking pattern took hours over
                new Expected("padded.md", Fixtures.utf8(("# a" + " ".repeat(3_000) + "x\n").repeat(200)
                        + "\nThe glimmerfen quinces keep all winter.\n"), 201, null));

        int documentsBefore = JSON.readTree(get("/api/documents").body()).path("documents").size();
        List<CompletableFuture<Outcome>> sent = new ArrayList<>();
        for (Expected expected : Stream.concat(hostile.stream(), ordinary.stream()).toList()) {
            sent.add(CompletableFuture.supplyAsync(() -> {
                long started = System.nanoTime();
                HttpResponse<String> response = new MultipartBody().file(expected.name(), expected.bytes())
                        .post(http, url("/api/documents"), EACH_WITHIN.plusSeconds(30));
                return new Outcome(expected, response, Duration.ofNanos(System.nanoTime() - started));
            }, CLIENTS));
        }

        for (CompletableFuture<Outcome> future : sent) {
            Outcome outcome = future.get(5, TimeUnit.MINUTES);
            String name = outcome.expected().name();
            assertThat(outcome.response().statusCode()).as(name + ": " + outcome.response().body())
                    .isEqualTo(outcome.expected().status());
            assertThat(outcome.took()).as(name).isLessThan(EACH_WITHIN);
            JsonNode body = JSON.readTree(outcome.response().body());
            if (outcome.expected().code() != null) {
                assertThat(body.path("code").asString()).as(name + ": " + body).isEqualTo(outcome.expected().code());
                assertThat(outcome.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
            }
        }
        for (String word : List.of("zanzibarite", "quillworth", "vorpalite", "brindlewick", "mulberrine", "tessaline",
                "glimmerfen")) {
            JsonNode hits = JSON.readTree(get("/api/search?q=" + word).body()).path("hits");
            assertThat(hits.isEmpty()).as(word).isFalse();
            assertThat(hits.get(0).path("text").asString()).containsIgnoringCase(word);
        }
        JsonNode documents = JSON.readTree(get("/api/documents").body()).path("documents");
        assertThat(documents.size() - documentsBefore).as("only the ordinary documents are kept").isEqualTo(ordinary.size());
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestThatSaysItIsTooLargeIsRefusedBeforeItsBodyIsRead() throws Exception {
        long started = System.nanoTime();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/documents HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: 10737418240\r\n\r\n--x\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response).contains("\"code\":\"TOO_LARGE\"");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAsTooLarge() {
        byte[] big = new byte[9 << 20];
        java.util.Arrays.fill(big, (byte) 'a');

        HttpResponse<String> response = new MultipartBody().file("big.txt", big)
                .post(http, url("/api/documents"), Duration.ofSeconds(60));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"TOO_LARGE\"");
    }

    @Test
    void moreFilesThanAllowedAreRefusedAsTooManyWhetherTheControllerOrTomcatCountsThem() {
        MultipartBody six = new MultipartBody();
        MultipartBody forty = new MultipartBody();
        for (int i = 0; i < 40; i++) {
            if (i < 6) {
                six.file("note-" + i + ".txt", Fixtures.utf8("Note " + i));
            }
            forty.file("note-" + i + ".txt", Fixtures.utf8("Note " + i));
        }

        HttpResponse<String> counted = six.post(http, url("/api/documents"), Duration.ofSeconds(60));
        HttpResponse<String> cutOff = forty.post(http, url("/api/documents"), Duration.ofSeconds(60));

        assertThat(counted.statusCode()).isEqualTo(413);
        assertThat(counted.body()).contains("\"code\":\"TOO_MANY_FILES\"");
        assertThat(cutOff.statusCode()).as(cutOff.body()).isEqualTo(413);
        assertThat(cutOff.body()).contains("\"code\":\"TOO_MANY_FILES\"");
    }

    @Test
    void clientFileNamesNeverBecomePaths() throws Exception {
        List<String> names = List.of("../../../../tmp/groundwork-escape.txt", "..\\\\..\\\\windows\\\\evil.txt",
                "CON.txt", "invoice\u202Efdp.exe", "x".repeat(400) + ".txt", "...", "/etc/passwd");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            HttpResponse<String> response = new MultipartBody()
                    .file(name, Fixtures.utf8("Name test number " + i + " with its own words."))
                    .post(http, url("/api/documents"), Duration.ofSeconds(60));

            assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(201);
            JsonNode document = JSON.readTree(response.body()).path("documents").get(0);
            String path = document.path("paths").get(0).asString();
            String id = document.path("id").asString();
            assertThat(path).startsWith("uploads/" + id + "/");
            String stored = path.substring(path.lastIndexOf('/') + 1);
            assertThat(stored).doesNotContain("..", "\u0000", "\u202E", "\\").hasSizeLessThanOrEqualTo(120);
            assertThat(stored.toLowerCase()).isNotEqualTo("con.txt");
            Path file = root.resolve("ingest").resolve(path).normalize();
            assertThat(file).startsWith(root.resolve("ingest")).isRegularFile();
        }
        assertThat(Path.of("/tmp/groundwork-escape.txt")).doesNotExist();
        // A NUL in the multipart header is refused by Tomcat before the name reaches the service.
        HttpResponse<String> nul = new MultipartBody().file("nul\u0000byte.txt", Fixtures.utf8("NUL name test."))
                .post(http, url("/api/documents"), Duration.ofSeconds(60));
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("\"code\":\"MALFORMED_REQUEST\"");
        try (Stream<Path> top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsOnly("ingest", "index");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Reads one HTTP response: headers, then as many body bytes as its Content-Length says. */
    private static String readResponse(InputStream in) throws java.io.IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int contentLength = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return bytes.toString(StandardCharsets.US_ASCII);
            }
            bytes.write(c);
            String text = bytes.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                for (String line : text.split("\r\n")) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                        contentLength = Integer.parseInt(line.substring(15).trim());
                    }
                }
                break;
            }
        }
        bytes.write(contentLength < 0 ? new byte[0] : in.readNBytes(contentLength));
        return bytes.toString(StandardCharsets.US_ASCII);
    }

}
