package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.groundwork.support.Fixtures;
import dev.groundwork.support.MultipartBody;
import dev.groundwork.support.SmallDisk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service on real, small file systems that fill up: the ingest folder and the index each on a tmpfs of
 * its own, so that each can be the one that is full. Skipped where tmpfs cannot be mounted (not root).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "groundwork.parse.workers=1")
@DirtiesContext
class DiskFullIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SmallDisk ingestDisk;
    private static SmallDisk indexDisk;

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @DynamicPropertySource
    static void smallDisks(DynamicPropertyRegistry registry) throws Exception {
        ingestDisk = SmallDisk.mount(32);
        indexDisk = ingestDisk == null ? null : SmallDisk.mount(32);
        Path fallback = Files.createTempDirectory("groundwork-no-small-disk-");
        registry.add("groundwork.ingest.dir", () -> (ingestDisk == null ? fallback : ingestDisk.path()).resolve("ingest").toString());
        registry.add("groundwork.index.dir", () -> (indexDisk == null ? fallback : indexDisk.path()).resolve("index").toString());
    }

    @AfterAll
    static void unmount() {
        Stream.of(ingestDisk, indexDisk).filter(disk -> disk != null).forEach(SmallDisk::unmount);
    }

    @BeforeEach
    void requireSmallDisks() {
        assumeTrue(ingestDisk != null && indexDisk != null, "tmpfs cannot be mounted here (needs root)");
    }

    private HttpResponse<String> upload(String name, String text) {
        return new MultipartBody().file(name, Fixtures.utf8(text)).post(http, "http://localhost:" + port + "/api/documents",
                Duration.ofSeconds(120));
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private long uploadedFiles() throws java.io.IOException {
        try (Stream<Path> uploads = Files.list(ingestDisk.path().resolve("ingest/uploads"))) {
            return uploads.count();
        }
    }

    private void assertFindable(String word) throws Exception {
        JsonNode hits = get("/api/search?q=" + word).path("hits");
        assertThat(hits.isEmpty()).as(word).isFalse();
        assertThat(hits.get(0).path("text").asString()).contains(word);
    }

    @Test
    void aFullIndexDiskRefusesUploadsWith507KeepsAnsweringAndRecoversOnceSpaceIsFreed() throws Exception {
        assertThat(upload("before.txt", "Written before the disk filled: the ossiferous report.").statusCode()).isEqualTo(201);
        int documents = get("/api/documents").path("documents").size();
        long files = uploadedFiles();

        Path ballast = indexDisk.fill();
        HttpResponse<String> refused = upload("during.txt", "Written while the index disk was full: the quincunx memo. "
                + "Some more words so the index has something to write. ".repeat(200));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(507);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("code").asString()).isEqualTo("INSUFFICIENT_STORAGE");
        assertThat(problem.path("detail").asString()).contains("full");
        assertFindable("ossiferous");
        assertThat(get("/api/documents").path("documents").size()).isEqualTo(documents);
        assertThat(get("/actuator/health").path("status").asString()).isEqualTo("UP");
        assertThat(uploadedFiles()).as("the refused upload left no file behind").isEqualTo(files);

        Files.delete(ballast);
        HttpResponse<String> retried = upload("during.txt", "Written while the index disk was full: the quincunx memo.");

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertFindable("quincunx");
        assertFindable("ossiferous");
    }

    @Test
    void aFullIngestDiskRefusesUploadsWith507AndRecoversOnceSpaceIsFreed() throws Exception {
        assertThat(upload("kept.txt", "Stored before the ingest disk filled: the palimpsest ledger.").statusCode()).isEqualTo(201);

        Path ballast = ingestDisk.fill();
        HttpResponse<String> refused = upload("blocked.txt", "Stored while the ingest disk was full: the zeugma letter.");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(507);
        assertThat(JSON.readTree(refused.body()).path("code").asString()).isEqualTo("INSUFFICIENT_STORAGE");
        assertFindable("palimpsest");

        Files.delete(ballast);
        HttpResponse<String> retried = upload("blocked.txt", "Stored while the ingest disk was full: the zeugma letter.");

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertFindable("zeugma");
    }
}
