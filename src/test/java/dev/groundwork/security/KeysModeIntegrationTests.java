package dev.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.Http;
import dev.groundwork.support.Http.Reply;
import dev.groundwork.support.MultipartBody;
import dev.groundwork.support.TestClock;
import dev.groundwork.support.TestDirs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code keys} mode over real HTTP: every endpoint for every role (the list read from the request mappings), keys
 * from the command line that stop working when revoked or expired, the page's session with its cookie and CSRF
 * token, rate limits per key, and an audit line for every write.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.security.mode=keys",
        "groundwork.security.limits.search-per-minute=5",
        "groundwork.schedule.cron=-",
        "groundwork.schedule.on-startup=false",
        "groundwork.parse.workers=1"})
@ExtendWith(OutputCaptureExtension.class)
class KeysModeIntegrationTests {

    /** Who may call each endpoint: the specification the role matrix checks the running service against. */
    enum Access { ANYONE, READER, EDITOR, ADMIN }

    private static final Map<String, Access> EXPECTED = expected();

    private static Map<String, Access> expected() {
        Map<String, Access> expected = new LinkedHashMap<>();
        Endpoints.PAGE.forEach(page -> expected.put(page, Access.ANYONE));
        expected.put("GET /error", Access.ANYONE);
        expected.put("GET /api/session", Access.ANYONE);
        expected.put("POST /api/session", Access.ANYONE);
        expected.put("GET /actuator/health", Access.ANYONE);
        expected.put("GET /actuator/health/**", Access.ANYONE);
        expected.put("GET /api/documents", Access.READER);
        expected.put("GET /api/documents/{id}", Access.READER);
        expected.put("GET /api/search", Access.READER);
        expected.put("POST /api/ask", Access.READER);
        expected.put("GET /api/ask/stream", Access.READER);
        expected.put("GET /api/reindex/status", Access.READER);
        expected.put("POST /api/documents", Access.EDITOR);
        expected.put("DELETE /api/documents/{id}", Access.EDITOR);
        expected.put("POST /api/reindex", Access.EDITOR);
        expected.put("GET /api/keys", Access.ADMIN);
        expected.put("POST /api/keys", Access.ADMIN);
        expected.put("DELETE /api/keys/{prefix}", Access.ADMIN);
        expected.put("GET /actuator", Access.ADMIN);
        expected.put("GET /actuator/info", Access.ADMIN);
        expected.put("GET /actuator/metrics", Access.ADMIN);
        expected.put("GET /actuator/metrics/{requiredMetricName}", Access.ADMIN);
        expected.put("GET /v3/api-docs", Access.ADMIN);
        expected.put("GET /v3/api-docs.yaml", Access.ADMIN);
        expected.put("GET /v3/api-docs/swagger-config", Access.ADMIN);
        expected.put("GET /swagger-ui.html", Access.ADMIN);
        return expected;
    }

    private static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        root = TestDirs.register(registry);
        registry.add("groundwork.security.keys-file", () -> root.resolve("keys/api-keys.json").toString());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
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
    }

    /** Creates a key as {@code ./run.sh keys create} does: another process, the same file. */
    private String commandLine(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new KeysCommand(new ApiKeys(root.resolve("keys/api-keys.json"), Clock.systemUTC()), new AuditLog(),
                new PrintStream(out, true, StandardCharsets.UTF_8)).execute(List.of(args));
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private String createKey(String name, String role, String... more) {
        List<String> args = new ArrayList<>(List.of("create", "--name", name, "--role", role));
        args.addAll(List.of(more));
        Matcher key = Pattern.compile("gwk_[a-z2-7]{8}_[A-Za-z0-9_-]{43}").matcher(commandLine(args.toArray(String[]::new)));
        assertThat(key.find()).isTrue();
        return key.group();
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheAccessRulesSay() {
        Set<String> served = Endpoints.of(context);
        assertThat(served).as("every endpoint the service maps has a line in EXPECTED (and a rule in AccessRules)")
                .isEqualTo(new TreeSet<>(EXPECTED.keySet()));
        Map<Access, String> keys = Map.of(Access.READER, createKey("matrix-reader", "reader"),
                Access.EDITOR, createKey("matrix-editor", "editor"), Access.ADMIN, createKey("matrix-admin", "admin"));

        SoftAssertions softly = new SoftAssertions();
        for (String endpoint : served) {
            Access needed = EXPECTED.get(endpoint);
            for (Access caller : List.of(Access.ANYONE, Access.READER, Access.EDITOR, Access.ADMIN)) {
                Reply reply = call(endpoint, keys.get(caller));
                String as = endpoint + " as " + caller + ": " + reply.status() + " " + reply.body();
                if (caller.compareTo(needed) >= 0) {
                    softly.assertThat(reply.status()).as(as).isNotIn(401, 403);
                } else if (caller == Access.ANYONE) {
                    softly.assertThat(reply.status()).as(as).isEqualTo(401);
                    softly.assertThat(reply.code()).as(as).isEqualTo("UNAUTHENTICATED");
                } else {
                    softly.assertThat(reply.status()).as(as).isEqualTo(403);
                    softly.assertThat(reply.code()).as(as).isEqualTo("FORBIDDEN");
                    softly.assertThat(reply.json().path("detail").asString()).as(as)
                            .contains("needs the " + needed.name().toLowerCase() + " role");
                }
            }
        }
        softly.assertAll();
    }

    /** One request to an endpoint, as a caller with this key (none: anonymous), with a body the endpoint reads. */
    private Reply call(String endpoint, String key) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = Endpoints.pathOf(endpoint.substring(endpoint.indexOf(' ') + 1));
        Http.Request request = http.method(method, path.equals("/api/search") ? path + "?q=matrix" : path);
        if (key != null) {
            request.bearer(key);
        }
        if (method.equals("POST")) {
            if (path.equals("/api/documents")) {
                request.multipart(new MultipartBody().part("other", "x.txt", new byte[] {'x'}));
            } else {
                request.json(path.equals("/api/ask") ? "{\"question\":\"matrix\"}" : "{}");
            }
        }
        return request.send();
    }
}
