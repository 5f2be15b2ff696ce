package dev.groundwork.mcp;

import dev.groundwork.ingest.IngestionService;
import dev.groundwork.security.ApiKeys;
import dev.groundwork.security.Role;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.HeldClock;
import dev.groundwork.support.TestClock;
import dev.groundwork.support.TestDirs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service the MCP clients talk to: {@code keys} mode on a random port, a real on-disk index holding a
 * two-page PDF and a Markdown page made here, and a fresh reader key for each test (so each test has allowances of
 * its own), on a clock that stands still. The test classes that extend it share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.security.mode=keys",
        "server.address=127.0.0.1",
        "groundwork.security.limits.search-per-minute=6",
        "groundwork.sync.cron=-",
        "groundwork.sync.on-startup=false",
        "groundwork.parse.workers=1"})
@Import(HeldClock.class)
abstract class McpService {

    static final String GAUGE =
            "The pressure gauge of the boiler should read between 1.2 and 1.8 bar when the system is cold.";
    static final String REFUNDS = "Refunds are given within 30 days of the first payment of a plan.";

    private static Path root;
    static String manualId;
    static String plansId;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        root = TestDirs.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    Clock clock;
    @Autowired
    IngestionService ingestion;

    @BeforeEach
    void documents() {
        // once per application: the test classes share one, unless the context cache has let it go meanwhile
        if (manualId == null || ingestion.find(manualId).isEmpty()) {
            manualId = ingestion.upload("heating-manual.pdf", new ByteArrayInputStream(Fixtures.pdf(
                    "Heating manual. This manual explains the heating system of the Elm Street office.",
                    "The boiler is serviced once a year by a certified engineer. " + GAUGE
                            + " Radiators are bled every autumn."))).document().id();
            plansId = ingestion.upload("support-plans.md", new ByteArrayInputStream((
                    "# Support plans\n\nThe team plan costs 290 EUR a month and covers ten people. " + REFUNDS
                            + " Invoices are sent on the first day of each month.\n")
                    .getBytes(StandardCharsets.UTF_8))).document().id();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A new reader key, as {@code keys create --role reader} makes one. */
    static String readerKey() {
        return new ApiKeys(root.resolve("keys/api-keys.json"), Clock.systemUTC())
                .create("mcp-" + UUID.randomUUID().toString().substring(0, 8), Role.READER, Duration.ofDays(1)).secret();
    }
}
