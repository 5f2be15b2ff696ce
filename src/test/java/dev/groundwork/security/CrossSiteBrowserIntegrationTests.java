package dev.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.support.Browser;
import dev.groundwork.support.Http;
import dev.groundwork.support.TestDirs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An attacker's page, served from a second local port, in a real Chromium next to Groundwork (local mode, no
 * sign-in): its upload, delete and re-index attempts (fetch, a form posted into a hidden frame, a beacon) all fail
 * and leave nothing behind, whether it comes from another site (127.0.0.1) or another port of the same one
 * (localhost). A name rebound to this machine gets 421.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.sync.cron=-",
        "groundwork.sync.on-startup=false",
        "groundwork.parse.workers=1"})
@ExtendWith(OutputCaptureExtension.class)
class CrossSiteBrowserIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The attempts each attack page makes that reach the service as writes: fetch upload, fetch and form and beacon re-index. */
    private static final int WRITES_PER_PAGE = 4;

    private static Browser browser;
    private static HttpServer attacker;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = Browser.screenshotOnFailure(() -> browser);

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (attacker != null) {
                attacker.stop(0);
            }
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    IngestionService ingestion;

    @Test
    void anAttackersPageCannotUploadDeleteOrReindexAndLeavesNothingBehind(CapturedOutput output) {
        DocumentRecord victim = ingestion.upload("payroll.txt", new ByteArrayInputStream(
                "The payroll runs on the last Friday of each month.".getBytes(StandardCharsets.UTF_8))).document();
        int attackerPort = startAttacker(victim.id());
        Http http = Http.to("http://localhost:" + port);
        String syncBefore = http.get("/api/reindex/status").send().json().path("last").toString();
        browser = Browser.start(1000, 800, "--host-resolver-rules=MAP rebind.test 127.0.0.1");
        ChromeDriver page = browser.driver();

        for (String attackerOrigin : List.of("http://127.0.0.1:" + attackerPort, "http://localhost:" + attackerPort)) {
            int refusedBefore = refusedCrossSite(output);
            page.get(attackerOrigin + "/attack.html");
            browser.waitUpTo(WAIT).until(d -> Boolean.TRUE.equals(page.executeScript("return window.done === true")));
            @SuppressWarnings("unchecked")
            Map<String, Object> results = (Map<String, Object>) page.executeScript("return window.results");

            // what the page could tell: its delete never got past the preflight
            assertThat(results.get("delete")).as(attackerOrigin).isEqualTo("failed:TypeError");
            // what the service tells: each write arrived and was refused as cross-site
            await().atMost(WAIT).untilAsserted(() -> assertThat(refusedCrossSite(output) - refusedBefore)
                    .as(attackerOrigin + " " + results).isEqualTo(WRITES_PER_PAGE));
        }

        assertThat(ingestion.documents()).extracting(DocumentRecord::id).containsExactly(victim.id());
        assertThat(http.get("/api/reindex/status").send().json().path("last").toString()).isEqualTo(syncBefore);
        assertThat(output.getAll()).doesNotContain("action=delete").doesNotContain("outcome=created")
                .doesNotContain("action=reindex outcome=started");

        page.get("http://rebind.test:" + port + "/api/documents");
        assertThat(page.getPageSource()).contains("HOST_NOT_ALLOWED").doesNotContain("payroll");
    }

    private static int refusedCrossSite(CapturedOutput output) {
        return output.getAll().split("outcome=refused [^\\n]*code=CROSS_SITE", -1).length - 1;
    }

    /** Serves the attack page on another port of this machine, aimed at the service and its one document. */
    private int startAttacker(String victimId) {
        String target = "http://localhost:" + port;
        String html = """
                <!doctype html>
                <html><head><title>Free recipes</title></head><body>
                <h1>Free recipes</h1>
                <iframe name="sink" hidden></iframe>
                <form id="csrf" method="POST" action="TARGET/api/reindex" target="sink"></form>
                <script>
                const target = 'TARGET';
                const results = {};
                async function attempt(name, run) {
                  try {
                    const response = await run();
                    results[name] = 'sent:' + response.type + ':' + response.status;
                  } catch (error) {
                    results[name] = 'failed:' + error.name;
                  }
                }
                (async () => {
                  const form = new FormData();
                  form.append('files', new Blob(['Planted by the attacker: wire the money.'], {type: 'text/plain'}),
                      'planted.txt');
                  await attempt('upload', () => fetch(target + '/api/documents',
                      {method: 'POST', mode: 'no-cors', credentials: 'include', body: form}));
                  await attempt('delete', () => fetch(target + '/api/documents/VICTIM',
                      {method: 'DELETE', credentials: 'include'}));
                  await attempt('reindex', () => fetch(target + '/api/reindex',
                      {method: 'POST', mode: 'no-cors', credentials: 'include'}));
                  results.beacon = navigator.sendBeacon(target + '/api/reindex', new Blob(['x'], {type: 'text/plain'}));
                  document.getElementById('csrf').submit();
                  window.results = results;
                  window.done = true;
                })();
                </script>
                </body></html>
                """.replace("TARGET", target).replace("VICTIM", victimId);
        try {
            attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        attacker.createContext("/attack.html", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        attacker.start();
        return attacker.getAddress().getPort();
    }
}
