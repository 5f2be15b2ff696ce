package dev.groundwork.security;

import static dev.groundwork.support.FakeOpenAiServer.slowStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.groundwork.support.FakeOpenAiServer;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.Http;
import dev.groundwork.support.Http.Reply;
import dev.groundwork.support.MultipartBody;
import dev.groundwork.support.RawHttp;
import dev.groundwork.support.HeldClock;
import dev.groundwork.support.TestClock;
import dev.groundwork.support.TestDirs;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.catalina.connector.Connector;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code local} mode, the default, over real HTTP: loopback only, no sign-in, and every protection that needs no
 * identity: the Host allowlist, refusal of cross-site requests, CORS closed, rate limits by client address, JSON
 * bodies bounded, answers capped, document text never cached, the LLM's key never shown.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.security.limits.search-per-minute=3",
        "groundwork.answer.max-answers=1",
        "groundwork.llm.retries=0",
        "groundwork.llm.circuit-failures=100",
        "groundwork.sync.cron=-",
        "groundwork.sync.on-startup=false",
        "groundwork.parse.workers=1"})
@ExtendWith(OutputCaptureExtension.class)
@Import(HeldClock.class)
class LocalModeIntegrationTests {

    private static final FakeOpenAiServer LLM = FakeOpenAiServer.start();
    private static final String LLM_KEY = "sk-local-test-secret-4711";
    private static final String QUESTION = "What should the boiler pressure gauge read?";
    private static final String GAUGE =
            "The pressure gauge of the boiler should read between 1.2 and 1.8 bar when the system is cold.";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
        registry.add("groundwork.llm.base-url", LLM::baseUrl);
        registry.add("groundwork.llm.api-key", () -> LLM_KEY);
    }

    @AfterAll
    static void stop() {
        LLM.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    private Http http;

    @BeforeEach
    void client() {
        http = Http.to("http://localhost:" + port);
        // a fresh minute for the rate limits
        clock.advance(Duration.ofMinutes(2));
    }

    private Reply upload(String name, String text, String... headers) {
        Http.Request request = http.post("/api/documents")
                .multipart(new MultipartBody().file(name, text.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.send();
    }

    private int documentCount() {
        return http.get("/api/documents").send().json().path("documents").size();
    }

    @Test
    void listensOnTheLoopbackOnly() {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        Connector connector = server.getTomcat().getConnector();

        assertThat(((InetAddress) connector.getProperty("address")).isLoopbackAddress()).isTrue();
    }

    @Test
    void theLocalUserMayCallEveryEndpoint() {
        SoftAssertions softly = new SoftAssertions();
        for (String endpoint : Endpoints.of(context)) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = Endpoints.pathOf(endpoint.substring(endpoint.indexOf(' ') + 1));
            Http.Request request = http.method(method, path);
            if (method.equals("POST")) {
                request.json("{}");
            }
            Reply reply = request.send();
            softly.assertThat(reply.status()).as(endpoint + ": " + reply.body()).isNotIn(401, 403);
        }
        softly.assertAll();
        assertThat(http.get("/api/session").send().json().path("user").path("role").asString()).isEqualTo("admin");
        assertThat(http.get("/actuator/health").send().json().path("components").has("index")).isTrue();
    }

    @Test
    void requestsAddressedToAnotherNameAre421BeforeAnythingRuns(CapturedOutput output) {
        String syncBefore = http.get("/api/reindex/status").send().json().path("last").toString();
        int linesBefore = output.getAll().split("action=reindex", -1).length;

        RawHttp.Response rebound = RawHttp.send(port, "POST", "/api/reindex", "rebind.attacker.example");

        assertThat(rebound.status()).as(rebound.head() + "\n" + rebound.body()).isEqualTo(421);
        assertThat(rebound.body()).contains("\"code\":\"HOST_NOT_ALLOWED\"");
        assertThat(http.get("/api/reindex/status").send().json().path("last").toString()).isEqualTo(syncBefore);
        assertThat(output.getAll().split("action=reindex", -1).length).as("no audit line: nothing ran")
                .isEqualTo(linesBefore);
        assertThat(RawHttp.send(port, "GET", "/api/documents", "localhost:" + port).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/api/documents", "127.0.0.1:" + port).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/api/documents", "[::1]:" + port).status()).isEqualTo(200);
        assertThat(RawHttp.send(port, "GET", "/", "LOCALHOST").status()).isEqualTo(200);
    }

    @Test
    void writesFromAnotherSitesPageAreRefusedAndLeaveNothing(CapturedOutput output) {
        int before = documentCount();

        Reply byOrigin = upload("evil-1.txt", "Planted by another site, via Origin.", "Origin", "http://evil.example");
        Reply byFetchMetadata = upload("evil-2.txt", "Planted by another site, via fetch metadata.",
                "Sec-Fetch-Site", "cross-site", "Origin", "http://evil.example");
        Reply fromAnotherPort = upload("evil-3.txt", "Planted by a page on another port of this machine.",
                "Sec-Fetch-Site", "same-site", "Origin", "http://localhost:1");
        Reply deleteAll = http.delete("/api/documents/0000000000000000").header("Origin", "null").send();

        for (Reply refused : new Reply[] {byOrigin, byFetchMetadata, fromAnotherPort, deleteAll}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("CROSS_SITE");
        }
        assertThat(documentCount()).isEqualTo(before);
        assertThat(output.getAll()).contains("action=upload outcome=refused principal=anonymous via=anonymous "
                + "credential=- role=- client=127.0.0.1 status=403 code=CROSS_SITE");
        // the page itself, and clients that are not browsers, are let through
        assertThat(upload("own-page.txt", "Added from the page itself.", "Sec-Fetch-Site", "same-origin",
                "Origin", "http://localhost:" + port).status()).isEqualTo(201);
        assertThat(upload("curl.txt", "Added with curl, which sends no Origin.").status()).isEqualTo(201);
    }

    @Test
    void anotherSitesPageCannotEvenReadOrRunTheApi() {
        Reply embedded = http.get("/api/search?q=boiler").header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "no-cors").header("Sec-Fetch-Dest", "image").send();
        Reply followedLink = http.get("/?q=boiler").header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "navigate").send();

        assertThat(embedded.code()).isEqualTo("CROSS_SITE");
        assertThat(followedLink.status()).isEqualTo(200);
    }

    @Test
    void corsStaysClosed() {
        Reply preflight = http.method("OPTIONS", "/api/documents").header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "DELETE").header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "cors").send();
        Reply withoutFetchMetadata = http.method("OPTIONS", "/api/documents").header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "DELETE").send();

        for (Reply refused : new Reply[] {preflight, withoutFetchMetadata}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("CROSS_SITE");
            assertThat(refused.header("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void searchesAreRateLimitedPerClientAddress() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/search?q=rates").send().status()).isEqualTo(200);
        }

        Reply limited = http.get("/api/search?q=rates").send();

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(limited.json().path("detail").asString()).contains("at most 3 a minute");
        assertThat(Integer.parseInt(limited.header("Retry-After").orElseThrow())).isBetween(1, 20);
        clock.advance(Duration.ofSeconds(20));
        assertThat(http.get("/api/search?q=rates").send().status()).isEqualTo(200);
    }

    @Test
    void jsonBodiesOver64KbAre413EvenWhenChunked() {
        String large = "{\"question\":\"" + "a".repeat(70 * 1024) + "\"}";
        String deep = "{\"question\":\"q\",\"extra\":" + "[".repeat(100) + "]".repeat(100) + "}";

        Reply declared = http.post("/api/ask").json(large).send();
        Reply chunked = http.post("/api/ask").chunkedJson(large).send();
        Reply nested = http.post("/api/ask").json(deep).send();
        Reply small = http.post("/api/ask").chunkedJson("{\"question\":\"" + "a".repeat(3000) + "\"}").send();

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.code()).isEqualTo("TOO_LARGE");
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(413);
        assertThat(chunked.code()).isEqualTo("TOO_LARGE");
        assertThat(nested.status()).isEqualTo(413);
        assertThat(small.code()).isEqualTo("QUERY_TOO_LONG");
    }

    @Test
    void answersAreCappedTogetherJsonAndStreamed() {
        String id = http.post("/api/documents").multipart(new MultipartBody().file("boiler.pdf", Fixtures.pdf(
                "Heating manual. This manual explains the heating system of the Elm Street office.",
                "The boiler is serviced once a year by a certified engineer. " + GAUGE))).send()
                .json().path("documents").get(0).path("id").asString();
        assertThat(id).isNotEmpty();
        LLM.reply(slowStream(Duration.ofMillis(400), "The gauge should read ", "between 1.2 and 1.8 bar ",
                "when the system ", "is cold ", "[1]."));
        String ask = "{\"question\":\"" + QUESTION + "\"}";

        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> http.post("/api/ask").json(ask).send());
        await().atMost(Duration.ofSeconds(30)).until(() -> LLM.requests() == 1);
        Reply secondJson = http.post("/api/ask").json(ask).send();
        Reply stream = http.get("/api/ask/stream?question=" + URLEncoder.encode(QUESTION, StandardCharsets.UTF_8)).send();

        assertThat(secondJson.status()).isEqualTo(503);
        assertThat(secondJson.code()).isEqualTo("TOO_BUSY");
        assertThat(stream.status()).isEqualTo(503);
        assertThat(stream.code()).isEqualTo("TOO_BUSY");
        assertThat(first.join().status()).isEqualTo(200);
        assertThat(first.join().json().path("mode").asString()).isEqualTo("llm");
        assertThat(http.post("/api/ask").json(ask).send().status()).isEqualTo(200);
    }

    @Test
    void jsonThatCarriesDocumentTextIsNeverCached() {
        String id = upload("cache.txt", "Cache control keeps passages out of shared caches.").json()
                .path("documents").get(0).path("id").asString();

        for (String path : new String[] {"/api/search?q=cache", "/api/documents", "/api/documents/" + id}) {
            assertThat(http.get(path).send().header("Cache-Control")).as(path)
                    .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        }
        assertThat(http.post("/api/ask").json("{\"question\":\"What keeps passages out of caches?\"}").send()
                .header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        // the page's own files keep being revalidated (304), not stored nowhere
        assertThat(http.get("/js/app.js").send().header("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void theLlmKeyIsNeverShown(CapturedOutput output) {
        SoftAssertions softly = new SoftAssertions();
        for (String endpoint : Endpoints.of(context)) {
            if (endpoint.startsWith("GET ")) {
                String path = Endpoints.pathOf(endpoint.substring(4));
                softly.assertThat(http.get(path).send().body()).as(endpoint).doesNotContain(LLM_KEY);
            }
        }
        softly.assertAll();
        assertThat(http.get("/actuator/health").send().json().at("/components/llm/details/baseUrl").asString())
                .isEqualTo(LLM.baseUrl());
        assertThat(context.getBean(dev.groundwork.answer.LlmSettings.class).toString()).doesNotContain(LLM_KEY);
        assertThat(output.getAll()).doesNotContain(LLM_KEY);
    }

    @Test
    void uploadsAreAuditedAsTheLocalUserAtTheirAddress(CapturedOutput output) {
        String id = upload("audited.txt", "A line in the audit log for every write.").json()
                .path("documents").get(0).path("id").asString();

        assertThat(output.getAll()).contains("action=upload outcome=created principal=local via=local credential=- "
                + "role=admin client=127.0.0.1 file=audited.txt document=" + id);
        assertThat(http.get("/api/documents/" + id).send().json().path("addedBy").asString()).isEqualTo("local");
    }
}
