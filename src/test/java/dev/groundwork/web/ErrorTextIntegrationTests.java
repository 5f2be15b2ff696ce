package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.sync.FolderSync;
import dev.groundwork.sync.SyncTrigger;
import dev.groundwork.support.ApiClient;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.HostileFiles;
import dev.groundwork.support.ObservedEncoder;
import dev.groundwork.support.TestDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What clients are told when a file is refused or cannot be indexed: the stable code and a sentence in words. The
 * parser's own message, absolute paths and exception names go to the log, never into upload results or the sync
 * status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groundwork.sync.cron=-", "groundwork.sync.on-startup=false"})
@Import(ObservedEncoder.Config.class)
class ErrorTextIntegrationTests {

    /** "Class: message", a qualified class name, an absolute path: what the inside of the service looks like. */
    private static final Pattern INSIDE = Pattern.compile(
            "\\w+(Exception|Error)\\b|\\b[a-z]+\\.[a-z]+\\.[A-Za-z.]+\\b|(^|[\\s'\"(])/[A-Za-z0-9._-]+/");
    private static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        root = TestDirs.register(registry);
        registry.add("groundwork.sync.sources[0].name", () -> "shared");
        registry.add("groundwork.sync.sources[0].dir", () -> root.resolve("shared").toString());
    }

    @LocalServerPort
    int port;
    @Autowired
    FolderSync sync;
    @Autowired
    ObservedEncoder encoder;

    private static byte[] damagedPdf() {
        return HostileFiles.truncated(Fixtures.pdf("Quarterly figures, page one.", "Quarterly figures, page two."), 0.5);
    }

    /** What PDFBox itself says of the damaged PDF: the parser's root message. */
    private static String parsersOwnMessage(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            for (var page : document.getPages()) {
                page.getContents().close();
            }
            throw new AssertionError("the damaged PDF opened");
        } catch (IOException | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root.getMessage()).isNotBlank();
            return root.getMessage();
        }
    }

    private static void assertInWords(String detail, String... never) {
        for (String text : never) {
            assertThat(detail).doesNotContain(text);
        }
        assertThat(INSIDE.matcher(detail).find()).as("the inside of the service in: " + detail).isFalse();
        assertThat(detail).isNotBlank().endsWith(".");
    }

    @Test
    void aDamagedUploadIsRefusedInWordsWithoutTheParsersOwnMessage() {
        byte[] pdf = damagedPdf();
        String parserSaid = parsersOwnMessage(pdf);
        ApiClient api = new ApiClient(port);
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("damaged-too.pdf", HostileFiles.truncated(Fixtures.pdf("Another report, page one."), 0.5));
        two.put("fine.txt", Fixtures.utf8("A fine note about the weekly meeting."));

        ApiClient.Reply one = api.upload("damaged.pdf", pdf);
        ApiClient.Reply several = api.upload(two);

        assertThat(one.status()).isEqualTo(422);
        assertThat(one.code()).isEqualTo("MALFORMED");
        assertInWords(one.json().path("detail").asString(), parserSaid);
        assertThat(several.status()).isEqualTo(207);
        JsonNode refused = several.json().path("documents").get(0);
        assertThat(refused.path("code").asString()).isEqualTo("MALFORMED");
        assertInWords(refused.path("detail").asString(), parserSaid);
    }

    @Test
    void theSyncStatusTellsWhyAFileFailedInWords() throws IOException {
        byte[] pdf = damagedPdf();
        String parserSaid = parsersOwnMessage(pdf);
        Path shared = Files.createDirectories(root.resolve("shared"));
        Files.write(shared.resolve("damaged.pdf"), pdf);
        Files.writeString(shared.resolve("notes.txt"), "Notes on the quarterly figures, embedded by a broken encoder.");
        encoder.failing(true);
        try {
            sync.runNow(SyncTrigger.MANUAL);
        } finally {
            encoder.failing(false);
        }

        JsonNode failed = new ApiClient(port).get("/api/reindex/status").json().path("last").path("failed");

        assertThat(failed.size()).isEqualTo(2);
        for (JsonNode file : failed) {
            String code = file.path("code").asString();
            assertThat(code).isIn("MALFORMED", "INDEXING_FAILED");
            assertInWords(file.path("detail").asString(), parserSaid, "as the test asked", root.toString());
        }
    }
}
