package dev.groundwork.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.Browser;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.Http;
import dev.groundwork.support.Http.Reply;
import dev.groundwork.support.OidcProvider;
import dev.groundwork.support.TestDirs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code oidc} mode against a real OpenID Connect provider the test starts (Spring Authorization Server): the page
 * signs in through the provider's redirect flow in a real browser (authorization code with PKCE, the provider's own
 * sign-in form), the role comes from the roles claim, and the API takes the provider's bearer tokens meant for
 * Groundwork, and API keys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.security.mode=oidc",
        "server.address=127.0.0.1",
        "groundwork.security.oidc.client-id=groundwork",
        "groundwork.security.oidc.client-secret=" + OidcProvider.CLIENT_SECRET,
        "groundwork.security.allowed-origins=https://wiki.example.com",
        "groundwork.sync.cron=-",
        "groundwork.sync.on-startup=false",
        "groundwork.parse.workers=1"})
@ExtendWith(OutputCaptureExtension.class)
class OidcModeIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static OidcProvider provider;
    private static Path root;
    private static Browser browser;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = Browser.screenshotOnFailure(() -> browser);

    @TempDir
    static Path files;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        root = TestDirs.register(registry);
        // the provider runs before the service starts: the service reads its discovery document at start-up
        provider = OidcProvider.start();
        registry.add("groundwork.security.oidc.issuer-uri", provider::issuer);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (provider != null) {
                provider.close();
            }
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;

    /** The page at 127.0.0.1 and the provider at localhost: two sites, so their cookies never mix. */
    private String page() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void thePageSignsInThroughTheProviderAndTheRoleFromItsClaimCounts(CapturedOutput output) throws IOException {
        browser = Browser.start(1280, 900);
        ChromeDriver page = browser.driver();
        page.get(page() + "/");
        WebElement signIn = browser.waitUpTo(WAIT).ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("provider-link")).isDisplayed()
                ? d.findElement(By.id("provider-link")) : null);
        assertThat(page.findElement(By.id("ask-section")).isDisplayed()).isFalse();

        signIn.click();

        // the provider's own sign-in form, on its own site
        browser.waitUpTo(WAIT).ignoring(StaleElementReferenceException.class).until(d -> d.getCurrentUrl().startsWith(provider.issuer() + "/login"));
        page.findElement(By.id("username")).sendKeys("alice");
        page.findElement(By.id("password")).sendKeys(OidcProvider.PASSWORD);
        page.findElement(By.cssSelector("button[type=submit]")).click();

        // back on the page, signed in as alice, an editor by the roles claim
        browser.waitUpTo(WAIT).ignoring(StaleElementReferenceException.class).until(d -> d.getCurrentUrl().startsWith(page()) && d.findElement(By.id("account")).isDisplayed());
        assertThat(page.findElement(By.id("account-name")).getText()).contains("alice").contains("editor");
        Cookie session = page.manage().getCookieNamed("groundwork-session");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(page.findElement(By.id("file-input")).isEnabled()).isTrue();

        // a change through the page: its CSRF token comes with the session
        Path manual = Files.write(files.resolve("garden-rota.pdf"), Fixtures.pdf(
                "Garden rota. Alice waters the tomatoes on Mondays.", "Bob mows the lawn on Thursdays."));
        page.findElement(By.id("file-input")).sendKeys(manual.toString());
        WebElement row = browser.waitUpTo(WAIT).ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector("tr[data-id]")).stream()
                .filter(candidate -> candidate.getText().contains("garden-rota.pdf")).findFirst().orElse(null));
        assertThat(row.findElement(By.cssSelector(".added-by")).getText()).isEqualTo("by alice");
        assertThat(output.getAll()).contains("action=sign-in outcome=success principal=alice via=oidc")
                .contains("action=upload outcome=created principal=alice via=oidc");
        browser.screenshot("signed-in-with-provider");

        page.findElement(By.id("sign-out")).click();
        browser.waitUpTo(WAIT).ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("provider-link")).isDisplayed());
    }

    @Test
    void theApiTakesTheProvidersTokensMeantForGroundworkWithTheirRoles() {
        Http http = Http.to(page());
        String ci = provider.clientToken("ci", OidcProvider.CI_SECRET);
        String otherApp = provider.clientToken("other-app", "other-secret");

        Reply search = http.get("/api/search?q=tomatoes").bearer(ci).send();
        Reply reindex = http.post("/api/reindex").bearer(ci).send();
        Reply notForUs = http.get("/api/search?q=tomatoes").bearer(otherApp).send();
        Reply forged = http.get("/api/search?q=x").bearer(ci.substring(0, ci.lastIndexOf('.') + 1) + "c2lnbmF0dXJl").send();

        assertThat(search.status()).isEqualTo(200);
        assertThat(reindex.status()).isEqualTo(403);
        assertThat(reindex.json().path("detail").asString()).isEqualTo("This needs the editor role; your role is reader.");
        assertThat(notForUs.status()).isEqualTo(401);
        assertThat(notForUs.header("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void theMcpServerTakesTheProvidersTokensAndRefusesOneWithoutARole() {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";
        Http http = Http.to(page());

        Reply reader = http.post("/mcp").bearer(provider.clientToken("ci", OidcProvider.CI_SECRET))
                .header("Accept", "application/json, text/event-stream").json(initialize).send();
        Reply noRole = http.post("/mcp").bearer(provider.clientToken("nobody", "nobody-secret"))
                .header("Accept", "application/json, text/event-stream").json(initialize).send();

        assertThat(reader.status()).as(reader.body()).isEqualTo(200);
        assertThat(reader.json().at("/result/serverInfo/name").asString()).isEqualTo("groundwork");
        assertThat(noRole.status()).isEqualTo(403);
        assertThat(noRole.code()).isEqualTo("FORBIDDEN");
        assertThat(noRole.json().path("detail").asString()).contains("needs the reader role");
    }

    @Test
    void apiKeysWorkBesideTheProvidersTokens() {
        String key = keys.create("backup-job", Role.READER, null).secret();

        assertThat(Http.to(page()).get("/api/documents").bearer(key).send().status()).isEqualTo(200);
        assertThat(Http.to(page()).post("/api/session").json("{\"key\":\"" + key + "\"}").send().status())
                .as("the page signs in at the provider here").isEqualTo(400);
    }

    @Test
    void corsOpensToListedOriginsOnly() {
        Http http = Http.to(page());

        Reply listed = http.method("OPTIONS", "/api/search").header("Origin", "https://wiki.example.com")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "authorization")
                .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "cors").send();
        Reply unlisted = http.method("OPTIONS", "/api/search").header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "GET").header("Sec-Fetch-Site", "cross-site")
                .header("Sec-Fetch-Mode", "cors").send();

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.header("Access-Control-Allow-Origin")).hasValue("https://wiki.example.com");
        assertThat(listed.header("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(unlisted.code()).isEqualTo("CROSS_SITE");
        assertThat(unlisted.header("Access-Control-Allow-Origin")).isEmpty();
        String ci = provider.clientToken("ci", OidcProvider.CI_SECRET);
        assertThat(http.get("/api/search?q=x").bearer(ci).header("Origin", "https://wiki.example.com")
                .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "cors").send()
                .header("Access-Control-Allow-Origin")).hasValue("https://wiki.example.com");
    }
}
