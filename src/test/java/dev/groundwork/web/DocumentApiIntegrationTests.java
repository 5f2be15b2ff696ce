package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.ApiClient;
import dev.groundwork.support.ApiClient.Reply;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.TestDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // OCR off: a PNG here stands for a type that is not read (OcrIntegrationTests reads images)
        properties = {"groundwork.ingest.max-file-size=200KB", "groundwork.ingest.max-files-per-request=5",
                "groundwork.parse.ocr=off"})
class DocumentApiIntegrationTests {

    private static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        root = TestDirs.register(registry);
    }

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    private static long filesInIngest() throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve("ingest"))) {
            return files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("/.")).count();
        }
    }

    private long chunksInIndex() {
        return api.get("/actuator/health").json().at("/components/index/details/chunks").asLong();
    }

    @Test
    void aSentenceFromPageTwoOfAPdfIsFoundFirstWithItsPage() {
        Reply upload = api.upload("pages.pdf", Fixtures.pdf(
                "Groundwork keeps an index of your files. The first page describes installation on a laptop.",
                "The retention period for archived invoices is exactly eleven years in the northern office.",
                "The third page lists the people to call when the server room floods."));

        assertThat(upload.status()).isEqualTo(201);
        JsonNode document = upload.json().path("documents").get(0);
        assertThat(document.path("pages").asInt()).isEqualTo(3);
        String id = document.path("id").asString();

        Reply search = api.search("The retention period for archived invoices is exactly eleven years", 5);

        assertThat(search.status()).isEqualTo(200);
        JsonNode first = search.json().path("hits").get(0);
        assertThat(first.path("documentId").asString()).isEqualTo(id);
        assertThat(first.path("page").asInt()).isEqualTo(2);
        assertThat(first.path("text").asString()).contains("eleven years");
        assertThat(first.path("fileName").asString()).isEqualTo("pages.pdf");
        assertThat(first.has("bm25Rank")).isTrue();
        assertThat(first.has("vectorRank")).isTrue();
    }

    @Test
    void aDocxSectionIsFoundWithItsHeadingPath() {
        byte[] docx = Fixtures.docx().title("Facilities Guide")
                .heading(1, "Building access").paragraph("Badges open the front door from seven.")
                .heading(2, "Visitors").paragraph("Visitors sign the blue ledger at the reception desk.")
                .bytes();
        assertThat(api.upload("guide.docx", docx).status()).isEqualTo(201);

        JsonNode first = api.search("where do visitors sign in", 3).json().path("hits").get(0);

        assertThat(first.path("text").asString()).contains("blue ledger");
        assertThat(first.path("headingPath").toString()).isEqualTo("[\"Building access\",\"Visitors\"]");
        assertThat(first.path("title").asString()).isEqualTo("Facilities Guide");
    }

    @Test
    void theSameBytesUploadedTwiceAreOneDocument() {
        byte[] text = Fixtures.utf8("Duplicate detection works on the bytes, not the name.");
        Reply first = api.upload("one.txt", text);
        Reply second = api.upload("two.txt", text);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        String id = first.json().path("documents").get(0).path("id").asString();
        assertThat(second.json().path("documents").get(0).path("id").asString()).isEqualTo(id);
        assertThat(second.json().path("documents").get(0).path("outcome").asString()).isEqualTo("known");
        long copies = api.get("/api/documents").json().path("documents").valueStream()
                .filter(d -> d.path("id").asString().equals(id)).count();
        assertThat(copies).isEqualTo(1);
    }

    @Test
    void severalFilesAreEachAcceptedOrRefusedOnTheirOwn() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("good.md", Fixtures.utf8("# Good\n\nA perfectly fine markdown file about kites."));
        files.put("picture.png", Fixtures.png());
        files.put("scan.pdf", Fixtures.imageOnlyPdf());

        Reply reply = api.upload(files);

        assertThat(reply.status()).isEqualTo(207);
        List<JsonNode> items = reply.json().path("documents").valueStream().toList();
        assertThat(items).extracting(i -> i.path("fileName").asString()).containsExactly("good.md", "picture.png", "scan.pdf");
        assertThat(items).extracting(i -> i.path("status").asInt()).containsExactly(201, 415, 422);
        assertThat(items).extracting(i -> i.path("code").asString()).containsExactly("", "UNSUPPORTED_TYPE", "NO_TEXT");
        assertThat(api.search("kites", 3).json().path("hits").get(0).path("fileName").asString()).isEqualTo("good.md");
    }

    @Test
    void listGetAndDeleteADocument() throws IOException {
        String id = api.upload("delete-me.txt", Fixtures.utf8("This file about zebras will be deleted."))
                .json().path("documents").get(0).path("id").asString();
        long filesBefore = filesInIngest();

        JsonNode listed = api.get("/api/documents").json().path("documents");
        assertThat(listed.valueStream().map(d -> d.path("id").asString())).contains(id);
        Reply got = api.get("/api/documents/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("fileName").asString()).isEqualTo("delete-me.txt");
        assertThat(got.json().path("contentType").asString()).isEqualTo("text/plain");
        assertThat(got.json().path("chunks").asInt()).isEqualTo(1);
        assertThat(got.json().path("status").asString()).isEqualTo("indexed");

        assertThat(api.delete("/api/documents/" + id).status()).isEqualTo(204);

        assertThat(api.get("/api/documents/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/documents/" + id).code()).isEqualTo("NOT_FOUND");
        assertThat(filesInIngest()).isEqualTo(filesBefore - 1);
        assertThat(api.search("zebras", 5).json().path("hits").valueStream()
                .noneMatch(h -> h.path("documentId").asString().equals(id))).isTrue();
    }

    @Test
    void badFilesGetTheirStatusAndCodeAndLeaveNothingBehind() throws IOException {
        long files = filesInIngest();
        long chunks = chunksInIndex();

        assertProblem(api.upload("empty.txt", new byte[0]), 415, "UNSUPPORTED_TYPE");
        assertProblem(api.upload("picture.png", Fixtures.png()), 415, "UNSUPPORTED_TYPE");
        assertProblem(api.upload("scan.pdf", Fixtures.imageOnlyPdf()), 422, "NO_TEXT");
        assertProblem(api.upload("huge.txt", Fixtures.utf8("big ".repeat(60_000))), 413, "TOO_LARGE");

        assertThat(filesInIngest()).isEqualTo(files);
        assertThat(chunksInIndex()).isEqualTo(chunks);
        try (Stream<Path> staged = Files.list(root.resolve("ingest/.staging"))) {
            assertThat(staged).isEmpty();
        }
    }

    @Test
    void requestsWithoutFilesOrWithTooManyAreRefused() {
        assertProblem(api.upload(Map.of()), 400, "NO_FILES");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            many.put("f" + i + ".txt", Fixtures.utf8("file " + i));
        }
        assertProblem(api.upload(many), 413, "TOO_MANY_FILES");
    }

    @Test
    void blankOrOverLongQueriesAreRefused() {
        assertProblem(api.get("/api/search?q=%20%20"), 400, "BLANK_QUERY");
        assertProblem(api.get("/api/search"), 400, "BLANK_QUERY");
        assertProblem(api.search("word ".repeat(500), 5), 400, "QUERY_TOO_LONG");
        assertProblem(api.search("fine", 0), 400, "INVALID_K");
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        assertProblem(api.get("/api/documents/does-not-exist"), 404, "NOT_FOUND");
        assertProblem(api.delete("/api/search"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void searchCanBeLimitedToOneDocument() {
        String a = api.upload("a.txt", Fixtures.utf8("Shared topic: lighthouses guide ships at night."))
                .json().path("documents").get(0).path("id").asString();
        api.upload("b.txt", Fixtures.utf8("Shared topic: lighthouses were once kept by families."));

        JsonNode hits = api.get("/api/search?q=lighthouses&documentId=" + a).json().path("hits");

        assertThat(hits.valueStream().map(h -> h.path("documentId").asString())).containsOnly(a);
    }

    @Test
    void healthShowsIndexAndEncoderAndTheApiIsDescribed() {
        JsonNode health = api.get("/actuator/health").json();

        assertThat(health.at("/components/index/status").asString()).isEqualTo("UP");
        assertThat(health.at("/components/index/details/open").asBoolean()).isTrue();
        assertThat(health.at("/components/encoder/details/model").asString()).as("the default encoder").isEqualTo("e5-small-v2-q");
        assertThat(health.at("/components/encoder/details/dimension").asInt()).isEqualTo(384);
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
        Reply openApi = api.get("/v3/api-docs");
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().path("paths").has("/api/documents")).isTrue();
        assertThat(openApi.json().path("paths").has("/api/search")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.json().path("detail").asString()).isNotBlank();
    }
}
