package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.groundwork.GroundworkApplication;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.MultipartBody;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service in a JVM of its own, killed with SIGKILL at random moments while documents stream in, then
 * started again: every upload that got a 2xx is there and searchable within a minute of the restart, every
 * file kept in the ingest folder is indexed, no document is there twice or with only part of its chunks, and
 * its parse workers die with it.
 */
class CrashRecoveryIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryIntegrationTests.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ROUNDS = 3;
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    private static final Duration SEARCHABLE_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An upload the service acknowledged with a 2xx. */
    private record Acknowledged(String id, String word) {
    }

    @Test
    void everyAcknowledgedUploadSurvivesKillNineWithNothingDuplicatedOrPartial() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        log.info("Crash test seed {}", seed);
        List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger counter = new AtomicInteger();
        for (int round = 1; round <= ROUNDS; round++) {
            Service service = Service.start(dir, round);
            try {
                awaitReady(service);
                assertInvariants(service, acknowledged);
                int before = acknowledged.size();
                Duration killAfter = Duration.ofMillis(1500 + random.nextInt(4000));
                uploadUntilKilled(service, acknowledged, counter, killAfter);
                log.info("Round {}: killed after {} ms, {} uploads acknowledged in the round", round,
                        killAfter.toMillis(), acknowledged.size() - before);
            } finally {
                service.kill();
            }
            service.assertWorkersDied();
        }
        Service last = Service.start(dir, ROUNDS + 1);
        try {
            awaitReady(last);
            assertInvariants(last, acknowledged);
            assertThat(acknowledged).as("the test acknowledged uploads to check").isNotEmpty();
        } finally {
            last.kill();
        }
    }

    private void uploadUntilKilled(Service service, List<Acknowledged> acknowledged, AtomicInteger counter,
                                   Duration killAfter) throws Exception {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService uploaders = Executors.newFixedThreadPool(3);
        try {
            for (int thread = 0; thread < 3; thread++) {
                uploaders.submit(() -> {
                    while (!killed.get()) {
                        int n = counter.incrementAndGet();
                        String word = "crashword" + n + "x";
                        byte[] bytes = n % 2 == 0
                                ? Fixtures.pdf("Page one of report " + word + ". " + "Filler sentence about the weather. ".repeat(40),
                                        "Page two mentions " + word + " again. " + "More filler about the harvest. ".repeat(40))
                                : Fixtures.utf8("Note " + word + ".\n\n" + "A paragraph of ordinary words. ".repeat(60));
                        try {
                            HttpResponse<String> response = new MultipartBody().file(word + (n % 2 == 0 ? ".pdf" : ".txt"), bytes)
                                    .post(http, service.url("/api/documents"), Duration.ofSeconds(60));
                            if (response.statusCode() == 200 || response.statusCode() == 201) {
                                String id = JSON.readTree(response.body()).path("documents").get(0).path("id").asString();
                                acknowledged.add(new Acknowledged(id, word));
                            }
                        } catch (RuntimeException e) {
                            // the service died mid-request: this upload was never acknowledged
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(killAfter.toMillis());
            service.kill();
            killed.set(true);
        } finally {
            uploaders.shutdown();
            assertThat(uploaders.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
        }
    }

    private void awaitReady(Service service) {
        await().atMost(READY_WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(service.isAlive()).as("service died while starting; see " + service.log).isTrue();
            try {
                return get(service, "/actuator/health/readiness").statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private void assertInvariants(Service service, List<Acknowledged> acknowledged) {
        List<Acknowledged> expected = List.copyOf(acknowledged);
        await().atMost(SEARCHABLE_WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode documents = JSON.readTree(get(service, "/api/documents").body()).path("documents");
            Set<String> ids = new HashSet<>();
            long chunks = 0;
            for (JsonNode document : documents) {
                assertThat(ids.add(document.path("id").asString())).as("listed twice: " + document).isTrue();
                chunks += document.path("chunks").asLong();
                for (JsonNode path : document.path("paths")) {
                    assertThat(dir.resolve("ingest").resolve(path.asString())).as("file of " + document.path("id")).isRegularFile();
                }
            }
            // files kept but not yet committed when the service died were indexed at start-up
            Set<String> indexedPaths = new HashSet<>();
            documents.forEach(document -> document.path("paths").forEach(path -> indexedPaths.add(path.asString())));
            try (var kept = Files.walk(dir.resolve("ingest/uploads"))) {
                assertThat(kept.filter(Files::isRegularFile).map(file -> dir.resolve("ingest").relativize(file).toString()))
                        .as("every kept upload is indexed").allMatch(indexedPaths::contains);
            }
            JsonNode index = JSON.readTree(get(service, "/actuator/health").body()).path("components").path("index").path("details");
            assertThat(index.path("documents").asLong()).as("records in the index").isEqualTo(documents.size());
            assertThat(index.path("chunks").asLong()).as("chunks in the index, against the chunk counts of the records")
                    .isEqualTo(chunks);
            for (Acknowledged upload : expected) {
                assertThat(ids).as("acknowledged upload " + upload).contains(upload.id());
                JsonNode hits = JSON.readTree(get(service, "/api/search?q=" + upload.word()).body()).path("hits");
                List<String> found = new ArrayList<>();
                hits.forEach(hit -> found.add(hit.path("documentId").asString()));
                assertThat(found).as("search for " + upload.word()).contains(upload.id());
            }
        });
        log.info("Invariants hold: {} acknowledged uploads all searchable; start-up sync: {}", expected.size(),
                service.syncSummary());
    }

    private HttpResponse<String> get(Service service, String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The service in a child JVM on the test's class path, logging to a file of the test folder. */
    private static final class Service {
        private final Process process;
        private final int port;
        private final Path log;
        private List<ProcessHandle> workers = List.of();

        private Service(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        static Service start(Path dir, int round) throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = dir.resolve("service-" + round + ".log");
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-cp", System.getProperty("java.class.path"), GroundworkApplication.class.getName(),
                    "--server.port=" + port,
                    "--groundwork.ingest.dir=" + dir.resolve("ingest"),
                    "--groundwork.index.dir=" + dir.resolve("index"),
                    "--groundwork.parse.workers=1",
                    "--spring.main.banner-mode=off");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new Service(process, port, log);
        }

        String url(String path) {
            return "http://localhost:" + port + path;
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** SIGKILL: {@code destroyForcibly} on Linux; no shutdown hook, no commit on close. */
        void kill() throws InterruptedException {
            if (process.isAlive()) {
                workers = process.descendants().toList();
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }

        /** What the start-up sync of the ingest folder did, from the service's log: files kept but not committed. */
        String syncSummary() {
            try (var lines = Files.lines(log)) {
                return lines.filter(line -> line.contains("Ingest folder sync:") && line.contains("added"))
                        .map(line -> line.substring(line.indexOf("Ingest folder sync:")))
                        .findFirst().orElse("not finished");
            } catch (IOException | java.io.UncheckedIOException e) {
                return "unknown (" + e.getMessage() + ")";
            }
        }

        void assertWorkersDied() {
            assertThat(workers).as("worker JVMs of the killed service").isNotEmpty();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(workers).noneMatch(ProcessHandle::isAlive));
        }
    }
}
