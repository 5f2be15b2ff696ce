package dev.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.Browser;
import dev.groundwork.support.Http;
import dev.groundwork.support.Http.Reply;
import dev.groundwork.support.MultipartBody;
import dev.groundwork.support.HeldClock;
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
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code keys} mode over real HTTP: every endpoint for every role (the list read from the request mappings), keys
 * from the command line that stop working when revoked or expired, the page's session with its cookie and CSRF
 * token, rate limits per key, and an audit line for every write.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.security.mode=keys",
        "server.address=127.0.0.1",
        "groundwork.security.limits.search-per-minute=5",
        "groundwork.sync.cron=-",
        "groundwork.sync.on-startup=false",
        "groundwork.parse.workers=1"})
@ExtendWith(OutputCaptureExtension.class)
@Import(HeldClock.class)
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
        expected.put("POST /v1/chat/completions", Access.READER);
        expected.put("GET /v1/models", Access.READER);
        expected.put("GET /v1/models/{model}", Access.READER);
        expected.put("GET /api/ask/stream", Access.READER);
        expected.put("GET /api/reindex/status", Access.READER);
        expected.put("GET /api/figures", Access.READER);
        expected.put("POST /mcp", Access.READER);
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
        expected.put("GET /actuator/prometheus", Access.ADMIN);
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
                    softly.assertThat(code(endpoint, reply)).as(as).isEqualTo("UNAUTHENTICATED");
                } else {
                    softly.assertThat(reply.status()).as(as).isEqualTo(403);
                    softly.assertThat(code(endpoint, reply)).as(as).isEqualTo("FORBIDDEN");
                    softly.assertThat(detail(endpoint, reply)).as(as)
                            .contains("needs the " + needed.name().toLowerCase() + " role");
                }
            }
        }
        softly.assertAll();
    }

    /** The OpenAI-compatible paths refuse in OpenAI's error shape; every other path with a problem detail. */
    private static boolean openAi(String endpoint) {
        return endpoint.contains(" /v1/");
    }

    private static String code(String endpoint, Reply reply) {
        return openAi(endpoint) ? reply.json().path("error").path("code").asString() : reply.code();
    }

    private static String detail(String endpoint, Reply reply) {
        return openAi(endpoint) ? reply.json().path("error").path("message").asString()
                : reply.json().path("detail").asString();
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

    @Test
    void withoutAKeyEveryApiCallIs401WithAProblemDetail() {
        Reply reply = http.get("/api/documents").send();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(reply.json().path("detail").asString()).contains("Authorization: Bearer");
        assertThat(reply.header("WWW-Authenticate")).hasValue("Bearer");
        assertThat(http.get("/api/documents").bearer("gwk_aaaaaaaa_" + "A".repeat(43)).send().json().path("detail")
                .asString()).isEqualTo("The API key is not known.");
    }

    @Test
    void aKeyRevokedFromTheCommandLineIsRefusedAtItsNextRequest(CapturedOutput output) {
        String key = createKey("to-revoke", "reader");
        String prefix = key.substring(0, 12);
        assertThat(http.get("/api/documents").bearer(key).send().status()).isEqualTo(200);

        String said = commandLine("revoke", prefix);

        assertThat(said).contains("Revoked the key 'to-revoke' (" + prefix + ")");
        Reply refused = http.get("/api/documents").bearer(key).send();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asString()).isEqualTo("The API key was revoked.");
        assertThat(refused.header("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(output.getAll()).contains("action=key-revoke outcome=revoked")
                .containsPattern("action=sign-in outcome=failed principal=anonymous via=anonymous credential=" + prefix
                        + " role=- client=127\\.0\\.0\\.1 reason=revoked")
                .doesNotContain(key);
    }

    @Test
    void aKeyStopsWorkingWhenItExpires() {
        String key = createKey("short-lived", "reader", "--expires", "90d");
        assertThat(http.get("/api/search?q=x").bearer(key).send().status()).isEqualTo(200);

        clock.advance(Duration.ofDays(91));

        Reply refused = http.get("/api/search?q=x").bearer(key).send();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asString()).isEqualTo("The API key has expired.");
        String admin = createKey("expiry-admin", "admin");
        assertThat(http.get("/api/keys").bearer(admin).send().json().path("keys").valueStream()
                .filter(listed -> listed.path("prefix").asString().equals(key.substring(0, 12)))
                .map(listed -> listed.path("state").asString())).containsExactly("expired");
    }

    @Test
    void thePageExchangesAKeyForAStrictHttpOnlySessionWhoseChangesNeedTheCsrfToken(CapturedOutput output) {
        String key = createKey("page-editor", "editor");
        Http browser = Http.withCookies("http://localhost:" + port);

        Reply signedIn = browser.post("/api/session").json("{\"key\":\"" + key + "\"}").send();

        assertThat(signedIn.status()).isEqualTo(200);
        String cookie = signedIn.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("groundwork-session=").contains("HttpOnly").contains("SameSite=Strict")
                .doesNotContain(key);
        assertThat(signedIn.body()).doesNotContain(key);
        Reply session = browser.get("/api/session").send();
        assertThat(session.json().path("user").path("name").asString()).isEqualTo("page-editor");
        assertThat(session.json().path("user").path("role").asString()).isEqualTo("editor");
        assertThat(session.json().path("can").path("upload").asBoolean()).isTrue();
        assertThat(session.json().path("can").path("admin").asBoolean()).isFalse();
        String header = session.json().path("csrf").path("headerName").asString();
        String token = session.json().path("csrf").path("token").asString();
        assertThat(header).isEqualTo("X-CSRF-TOKEN");

        Reply withoutToken = browser.post("/api/reindex").send();
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.code()).isEqualTo("CSRF_TOKEN");
        assertThat(browser.post("/api/reindex").header(header, "forged").send().code()).isEqualTo("CSRF_TOKEN");
        assertThat(browser.post("/api/reindex").header(header, token).send().status()).isEqualTo(202);

        assertThat(browser.delete("/api/session").header(header, token).send().status()).isEqualTo(204);
        assertThat(browser.get("/api/documents").send().status()).isEqualTo(401);
        assertThat(output.getAll()).contains("action=sign-in outcome=success principal=page-editor via=key credential="
                + key.substring(0, 12) + " role=editor client=127.0.0.1 by=page")
                .contains("action=reindex outcome=started principal=page-editor")
                .contains("action=sign-out outcome=done principal=page-editor");
    }

    @Test
    void aSessionEndsWithTheKeyItWasMadeFrom() {
        String key = createKey("session-revoked", "reader");
        Http browser = Http.withCookies("http://localhost:" + port);
        assertThat(browser.post("/api/session").json("{\"key\":\"" + key + "\"}").send().status()).isEqualTo(200);
        assertThat(browser.get("/api/documents").send().status()).isEqualTo(200);

        commandLine("revoke", "session-revoked");

        assertThat(browser.get("/api/documents").send().status()).isEqualTo(401);
        assertThat(browser.get("/api/session").send().json().path("signedIn").asBoolean()).isFalse();
    }

    @Test
    void aWrongKeyDoesNotSignInAndSaysWhy(CapturedOutput output) {
        Reply refused = http.post("/api/session").json("{\"key\":\"gwk_bbbbbbbb_" + "B".repeat(43) + "\"}").send();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(refused.header("Set-Cookie")).isEmpty();
        assertThat(output.getAll()).contains("action=sign-in outcome=failed principal=anonymous via=anonymous "
                + "credential=gwk_bbbbbbbb role=- client=127.0.0.1 reason=unknown");
        assertThat(output.getAll()).doesNotContain("B".repeat(43));
    }

    @Test
    void rateLimitsCountEachKeyOnItsOwn() {
        String busy = createKey("busy-reader", "reader");
        String quiet = createKey("quiet-reader", "reader");
        for (int i = 0; i < 5; i++) {
            assertThat(http.get("/api/search?q=limits").bearer(busy).send().status()).isEqualTo(200);
        }

        Reply limited = http.get("/api/search?q=limits").bearer(busy).send();

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.header("Retry-After").orElseThrow())).isBetween(1, 60);
        assertThat(http.get("/api/search?q=limits").bearer(quiet).send().status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(http.get("/api/search?q=limits").bearer(busy).send().status()).isEqualTo(200);
    }

    @Test
    void healthDetailsAndTheApiDescriptionAreForAdminsOnly() {
        String reader = createKey("health-reader", "reader");
        String admin = createKey("health-admin", "admin");

        Reply forReader = http.get("/actuator/health").bearer(reader).send();
        Reply forAnyone = http.get("/actuator/health").send();
        Reply forAdmin = http.get("/actuator/health").bearer(admin).send();

        assertThat(forReader.json().has("components")).isFalse();
        assertThat(forAnyone.json().path("status").asString()).isEqualTo("UP");
        assertThat(forAnyone.json().has("components")).isFalse();
        assertThat(forAdmin.json().path("components").path("index").path("details").has("chunks")).isTrue();
        assertThat(http.get("/v3/api-docs").bearer(reader).send().status()).isEqualTo(403);
        assertThat(http.get("/v3/api-docs").bearer(admin).send().status()).isEqualTo(200);
        assertThat(http.get("/swagger-ui.html").send().status()).isEqualTo(401);
    }

    @Test
    void adminsManageKeysOverTheApiAndTheKeyIsShownOnlyWhenCreated(CapturedOutput output) {
        String admin = createKey("keys-admin", "admin");

        Reply created = http.post("/api/keys").bearer(admin)
                .json("{\"name\":\"ci\",\"role\":\"editor\",\"expiresIn\":\"30d\"}").send();

        assertThat(created.status()).isEqualTo(201);
        String key = created.json().path("key").asString();
        String prefix = created.json().path("details").path("prefix").asString();
        assertThat(key).startsWith(prefix + "_");
        assertThat(created.json().path("details").path("expiresAt").asString()).isNotEmpty();
        assertThat(http.post("/api/documents").bearer(key).multipart(new MultipartBody().file("ci.txt",
                "Written by the continuous integration key.".getBytes(StandardCharsets.UTF_8))).send().status())
                .isEqualTo(201);
        Reply listed = http.get("/api/keys").bearer(admin).send();
        assertThat(listed.body()).contains(prefix).doesNotContain(key).doesNotContain("sha256");
        assertThat(http.post("/api/keys").bearer(admin).json("{\"name\":\"ci\",\"role\":\"editor\"}").send().code())
                .isEqualTo("KEY_NAME_TAKEN");
        assertThat(http.post("/api/keys").bearer(admin).json("{\"name\":\"x\",\"role\":\"owner\"}").send().code())
                .isEqualTo("INVALID_ROLE");

        assertThat(http.delete("/api/keys/" + prefix).bearer(admin).send().status()).isEqualTo(204);

        assertThat(http.get("/api/documents").bearer(key).send().status()).isEqualTo(401);
        assertThat(output.getAll()).contains("action=key-create outcome=created principal=keys-admin via=key")
                .contains("action=key-revoke outcome=revoked principal=keys-admin via=key")
                .doesNotContain(key);
    }

    @Test
    void everyWriteHasAnAuditLine(CapturedOutput output) {
        String editor = createKey("audit-editor", "editor");
        String reader = createKey("audit-reader", "reader");

        Reply upload = http.post("/api/documents").bearer(editor).multipart(new MultipartBody().file("minutes \"q3\".txt",
                "Minutes of the third quarter meeting about the garden shed.".getBytes(StandardCharsets.UTF_8))).send();
        String id = upload.json().path("documents").get(0).path("id").asString();
        Reply denied = http.delete("/api/documents/" + id).bearer(reader).send();
        Reply deleted = http.delete("/api/documents/" + id).bearer(editor).send();

        assertThat(upload.status()).isEqualTo(201);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(deleted.status()).isEqualTo(204);
        String prefix = editor.substring(0, 12);
        assertThat(output.getAll())
                .contains("action=upload outcome=created principal=audit-editor via=key credential=" + prefix
                        + " role=editor client=127.0.0.1 file=\"minutes \\\"q3\\\".txt\" document=" + id)
                .contains("action=delete outcome=refused principal=audit-reader via=key credential="
                        + reader.substring(0, 12) + " role=reader client=127.0.0.1 document=" + id
                        + " status=403 code=FORBIDDEN")
                .contains("action=delete outcome=deleted principal=audit-editor via=key credential=" + prefix
                        + " role=editor client=127.0.0.1 document=" + id);
    }

    @Test
    void theDocumentListShowsWhoAddedEachDocumentAndIsNeverCached() {
        String editor = createKey("shed-keeper", "editor");
        String id = http.post("/api/documents").bearer(editor).multipart(new MultipartBody().file("shed.txt",
                "The shed key hangs behind the kitchen door.".getBytes(StandardCharsets.UTF_8))).send()
                .json().path("documents").get(0).path("id").asString();

        Reply list = http.get("/api/documents").bearer(editor).send();

        assertThat(list.json().path("documents").valueStream()
                .filter(document -> document.path("id").asString().equals(id))
                .map(document -> document.path("addedBy").asString())).containsExactly("shed-keeper");
        assertThat(list.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void thePageSignsInWithAKeyKeepsNothingOfItAndShowsWhatAReaderMayNotDo() {
        String editor = createKey("page-writer", "editor");
        String reader = createKey("page-reader", "reader");
        String id = http.post("/api/documents").bearer(editor).multipart(new MultipartBody().file("boiler.txt",
                "The boiler pressure should read between 1.2 and 1.8 bar when cold.".getBytes(StandardCharsets.UTF_8)))
                .send().json().path("documents").get(0).path("id").asString();
        try (Browser browser = Browser.start(1280, 900)) {
            ChromeDriver page = browser.driver();
            page.get("http://localhost:" + port + "/");
            WebElement keyInput = browser.waitUpTo(Duration.ofSeconds(30))
                    .until(d -> d.findElement(By.id("key-input")).isDisplayed() ? d.findElement(By.id("key-input")) : null);
            assertThat(page.findElement(By.id("documents-section")).isDisplayed()).isFalse();

            keyInput.sendKeys("gwk_wrongkey_" + "W".repeat(43), Keys.ENTER);
            WebElement error = browser.waitUpTo(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("sign-in-error")).isDisplayed()
                    ? d.findElement(By.id("sign-in-error")) : null);
            assertThat(error.getText()).contains("That key was not accepted");

            page.findElement(By.id("key-input")).clear();
            page.findElement(By.id("key-input")).sendKeys(reader, Keys.ENTER);

            WebElement row = browser.waitUpTo(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d ->
                    d.findElements(By.cssSelector("tr[data-id='" + id + "']")).stream().findFirst().orElse(null));
            assertThat(page.findElement(By.id("account-name")).getText()).contains("page-reader").contains("reader");
            assertThat(row.findElement(By.cssSelector(".added-by")).getText()).isEqualTo("by page-writer");
            // what a reader may not do is there, disabled, with the reason
            WebElement delete = row.findElement(By.cssSelector("[data-action=delete]"));
            assertThat(delete.isEnabled()).isFalse();
            assertThat(delete.getAttribute("title")).isEqualTo("Deleting documents needs the editor role; you are "
                    + "signed in as a reader.");
            assertThat(page.findElement(By.id("file-input")).isEnabled()).isFalse();
            assertThat(page.findElement(By.id("upload-reason")).getText()).isEqualTo("Adding documents needs the "
                    + "editor role; you are signed in as a reader.");
            assertThat(page.findElement(By.id("sync-now")).isEnabled()).isFalse();
            assertThat(page.findElement(By.id("sync-message")).getText()).contains("needs the editor role");
            // the key lives nowhere in the browser: only an HttpOnly, SameSite=Strict session cookie does
            Object stored = page.executeScript("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"
                    + " + document.cookie + document.documentElement.outerHTML");
            assertThat(String.valueOf(stored)).doesNotContain(reader).doesNotContain(reader.substring(13));
            Cookie session = page.manage().getCookieNamed("groundwork-session");
            assertThat(session.isHttpOnly()).isTrue();
            assertThat(session.getSameSite()).isEqualTo("Strict");
            browser.screenshot("signed-in-as-reader");

            page.findElement(By.id("question")).sendKeys("What should the boiler pressure read?", Keys.ENTER);
            browser.waitUpTo(Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("answer")).getText().contains("1.2 and 1.8 bar"));

            page.findElement(By.id("sign-out")).click();
            browser.waitUpTo(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("key-input")).isDisplayed());
            assertThat(page.manage().getCookieNamed("groundwork-session")).isNull();
        }
    }
}
