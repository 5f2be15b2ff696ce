package dev.groundwork.web;

import static dev.groundwork.support.FakeOpenAiServer.slowStream;
import static dev.groundwork.support.FakeOpenAiServer.status;
import static dev.groundwork.support.FakeOpenAiServer.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.support.Browser;
import dev.groundwork.support.Containers;
import dev.groundwork.support.FakeOpenAiServer;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.TestDirs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The page at {@code /} in a real browser (Debian's headless Chromium), against the running service with an LLM
 * the test scripts: uploading through the page, a streamed answer, citations that open their passage, refusals in
 * words, deleting with a confirmation, and document text and model output that never run as code.
 */
// OCR off: a PNG here stands for a type that is not read (OcrIntegrationTests reads images)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "groundwork.parse.ocr=off")
class WebPageIntegrationTests {

    private static final FakeOpenAiServer LLM = FakeOpenAiServer.start();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String GAUGE =
            "The pressure gauge of the boiler should read between 1.2 and 1.8 bar when the system is cold.";

    private static Browser browser;

    @RegisterExtension
    static final TestWatcher SCREENSHOT_ON_FAILURE = Browser.screenshotOnFailure(() -> browser);

    @TempDir
    static Path files;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
        registry.add("groundwork.llm.base-url", LLM::baseUrl);
        registry.add("groundwork.llm.retries", () -> "0");
        registry.add("groundwork.llm.circuit-failures", () -> "100");
        registry.add("groundwork.sync.cron", () -> "-");
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            LLM.close();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    IngestionService ingestion;

    @Test
    void uploadsADocumentThroughThePageStreamsTheAnswerAndOpensTheCitedPassage() {
        Path manual = file("heating-manual.pdf", Fixtures.pdf(
                "Heating manual. This manual explains the heating system of the Elm Street office.",
                "The boiler is serviced once a year by a certified engineer. " + GAUGE
                        + " Radiators are bled every autumn."));
        LLM.reply(slowStream(Duration.ofMillis(400), "The gauge should read ", "between 1.2 and 1.8 bar ",
                "when the system is cold [1]. ", "Penguins dance on the frozen lake [1]."));
        ChromeDriver page = open();

        upload(page, manual);

        WebElement upload = finishedUpload("heating-manual.pdf");
        assertThat(upload.getAttribute("class")).contains("is-created");
        assertThat(upload.getText()).contains("Added: 2 pages");
        DocumentRecord record = document("heating-manual.pdf");
        WebElement row = browser.waitUpTo(WAIT).until(d -> d.findElements(rowOf(record)).stream().findFirst().orElse(null));
        assertThat(row.getText()).contains(record.title(), "PDF", "Ready");
        assertThat(row.findElement(By.cssSelector("td[data-label='Pages']")).getText()).isEqualTo("2");

        ask(page, "What should the boiler pressure gauge read?");

        WebElement answer = page.findElement(By.id("answer"));
        String partial = browser.waitUpTo(WAIT).until(d -> {
            String text = answer.getText();
            return "true".equals(answer.getAttribute("aria-busy")) && text.contains("The gauge should read")
                    && !text.contains("Penguins") ? text : null;
        });
        assertThat(partial).as("the answer shows its first tokens before the last one is written")
                .doesNotContain("Penguins");
        waitForAnswer(page);
        assertThat(textOf(page.findElement(By.id("answer-status-text"))))
                .isEqualTo("Written by the language model from your documents");
        assertThat(answer.getText()).contains("The gauge should read between 1.2 and 1.8 bar when the system is cold");
        List<WebElement> sentences = answer.findElements(By.cssSelector(".sentence"));
        assertThat(sentences).hasSize(2);
        assertThat(sentences.get(0).getAttribute("class")).doesNotContain("is-unsupported");
        assertThat(sentences.get(1).getAttribute("class")).contains("is-unsupported");
        assertThat(textOf(answer.findElement(By.cssSelector(".flag"))))
                .contains("not supported", "The passages this sentence cites do not back it.");
        assertThat(page.findElement(By.id("answer-notes")).getText()).contains("marked “not supported”");

        WebElement citation = sentences.get(0).findElement(By.cssSelector("button.cite"));
        assertThat(citation.getAccessibleName()).isEqualTo("Source 1: " + record.title() + ", page 2");
        citation.click();

        browser.waitUpTo(WAIT).until(d -> textOf(d.findElement(By.id("sources-heading"))).equals("Source 1"));
        assertThat(textOf(page.findElement(By.cssSelector(".passage-title")))).isEqualTo(record.title());
        assertThat(textOf(page.findElement(By.cssSelector(".passage-meta")))).isEqualTo("heating-manual.pdf · page 2");
        assertThat(textOf(page.findElement(By.cssSelector(".passage-text")))).contains("Radiators are bled every autumn.");
        WebElement mark = page.findElement(By.cssSelector(".passage-text mark"));
        assertThat(textOf(mark)).as("the passage sentence closest to the model's words is marked").isEqualTo(GAUGE);
        assertThat(page.findElement(By.cssSelector(".sources-body")).getText())
                .contains("The answer puts it in its own words");
        assertThat(citation.getAttribute("aria-current")).isEqualTo("true");
        browser.screenshot("answer-with-passage");
    }

    @Test
    void documentTextAndModelOutputWithScriptPayloadsShowAsTextAndNeverRun() {
        String script = "<script>window.__gwPwned='script';alert('script')</script>";
        String image = "<img src=x onerror=\"window.__gwPwned='img';alert('img')\">";
        String link = "<a href=\"javascript:window.__gwPwned='link';alert('link')\">the watering plan</a>";
        Path report = file("garden-report.pdf", Fixtures.pdf(
                "Garden report. The tomatoes in the north garden ripen in late August " + script
                        + " and the beans follow in September. " + image + " Read " + link + " for details."));
        LLM.reply(stream("The tomatoes ripen in late August ",
                "<img src=x onerror=\"window.__gwPwned='llm';alert('llm')\"> [1]. ",
                "<script>window.__gwPwned='llm-script'</script> See ",
                "<a href=\"javascript:alert('llm-link')\">the plan</a> [1]."));
        ChromeDriver page = open();

        upload(page, report);
        assertThat(finishedUpload("garden-report.pdf").getAttribute("class")).contains("is-created");
        ask(page, "When do the tomatoes in the north garden ripen?");
        waitForAnswer(page);
        page.findElement(By.cssSelector("#answer button.cite")).click();
        browser.waitUpTo(WAIT).until(d -> !d.findElements(By.cssSelector(".passage-text")).isEmpty());

        assertThatThrownBy(() -> page.switchTo().alert()).as("no alert was raised")
                .isInstanceOf(NoAlertPresentException.class);
        assertThat(page.executeScript("return typeof window.__gwPwned")).as("no payload ran").isEqualTo("undefined");
        assertThat(page.findElements(By.cssSelector("img"))).as("no <img> was made from text").isEmpty();
        assertThat(page.findElements(By.cssSelector("a[href^='javascript']"))).as("no javascript: link").isEmpty();
        assertThat(page.findElements(By.cssSelector("body script"))).as("no <script> in the body").isEmpty();
        // The server's sentence check may cut "window.__gwPwned" at its full stop and flag the pieces: leave
        // the flags out, and the model's text must be there as written.
        String answer = (String) page.executeScript("""
                const answer = document.getElementById('answer').cloneNode(true);
                answer.querySelectorAll('.flag').forEach((flag) => flag.remove());
                return answer.textContent.replace(/\\s+/g, ' ');
                """);
        assertThat(answer).as("model output shows as text")
                .contains("<img src=x onerror=\"window.__gwPwned='llm';alert('llm')\">",
                        "<script>window.__gwPwned='llm-script'</script>", "<a href=\"javascript:alert('llm-link')\">");
        String passage = textOf(page.findElement(By.cssSelector(".passage-text")));
        assertThat(passage.replaceAll("\\s+", " ")).as("document text shows as text")
                .contains(script, "<img src=x onerror=", "<a href=\"javascript:window.__gwPwned='link';");
        assertThat(page.findElement(By.id("sources-body")).getText()).contains("<script>");
        assertThat(problemsInConsole()).as("nothing was refused by the policy or thrown on the page").isEmpty();
    }

    @Test
    void saysInWordsWhyFilesWereRefusedOrAlreadyKnown() {
        byte[] tariffs = Fixtures.pdf("Tariffs. The night tariff of the Elm Street office costs 11 cents per kilowatt hour.");
        Path png = file("photo.png", Fixtures.png());
        Path empty = file("empty.txt", new byte[0]);
        Path scan = file("scan.pdf", Fixtures.imageOnlyPdf());
        Path original = file("tariffs.pdf", tariffs);
        ChromeDriver page = open();

        upload(page, png, empty, scan, original);

        assertThat(finishedUpload("photo.png").getText())
                .contains("Not added. This is not a kind of document Groundwork can read", "image/png");
        assertThat(finishedUpload("empty.txt").getText()).contains("Not added. The file is empty.");
        assertThat(finishedUpload("scan.pdf").getText())
                .contains("Not added. No text could be found in it.", "text recognition");
        assertThat(finishedUpload("tariffs.pdf").getText()).contains("Added: 1 page");
        assertThat(page.findElements(By.cssSelector(".upload.is-failed"))).hasSize(3);

        upload(page, file("tariffs-copy.pdf", tariffs));

        WebElement copy = finishedUpload("tariffs-copy.pdf");
        assertThat(copy.getAttribute("class")).contains("is-known");
        assertThat(copy.getText()).contains("Already in your documents as “" + document("tariffs.pdf").title() + "”");
        assertThat(page.findElement(By.id("upload-list")).getText()).doesNotContain("UNSUPPORTED_TYPE", "NO_TEXT");
    }

    @Test
    void theIndexPanelShowsLiveFiguresAnOwnerWantsAtAGlance() {
        ingest("boiler-notes.pdf", Fixtures.pdf("Boiler notes. " + GAUGE));
        LLM.reply(stream("The gauge should read between 1.2 and 1.8 bar ", "when the system is cold [1]."));
        ChromeDriver page = open();

        upload(page, file("holiday.png", Fixtures.png()));
        finishedUpload("holiday.png");
        ask(page, "What should the boiler pressure gauge read?");
        waitForAnswer(page);

        // the panel shows what the service counted (other tests of this class count too): wait for it to catch up
        Map<String, String> figures = browser.waitUpTo(WAIT).until(d -> {
            String answered = textOf(d.findElement(By.id("stat-answered")));
            String refused = textOf(d.findElement(By.id("stat-refused")));
            String served = get("/api/figures").body();
            return served.contains("\"answeredLastHour\":" + answered.replace(",", "") + ",")
                    && served.contains("\"refusedUploads\":" + refused.replace(",", "") + ",")
                    && !answered.equals("0") && !refused.equals("0")
                    ? Map.of("answered", answered, "refused", refused) : null;
        });
        assertThat(Integer.parseInt(figures.get("answered"))).isGreaterThanOrEqualTo(1);
        assertThat(Integer.parseInt(figures.get("refused"))).isGreaterThanOrEqualTo(1);
        assertThat(textOf(page.findElement(By.id("stat-answer-time")))).matches("\\d+ ms|\\d+(\\.\\d)? s");
        // the sync at start-up (no schedule here): "just now", "3 min. ago"...
        assertThat(textOf(page.findElement(By.id("stat-last-sync")))).matches("just now|.+ ago");
        assertThat(page.findElement(By.id("stats")).getText()).contains("Answered, last hour", "Median answer time",
                "Refused uploads", "Last sync");
    }

    @Test
    void showsEachMemberOfAnUploadedArchiveWithItsOutcomeAndKeepsMembersWithTheirArchive() {
        Path zip = file("harbour-papers.zip", Containers.zip(Containers.entries(
                "reports/dues.pdf", Fixtures.pdf("Harbour dues. Yachts pay by the metre from April."),
                "photo.png", Fixtures.png(),
                "notes.txt", Fixtures.utf8("The crane on the north quay lifts four tonnes."))));
        ChromeDriver page = open();

        upload(page, zip);

        WebElement upload = finishedUpload("harbour-papers.zip");
        assertThat(upload.getAttribute("class")).contains("is-created");
        assertThat(upload.getText()).contains("2 documents added, 1 file not read.");
        List<WebElement> members = upload.findElements(By.cssSelector(".upload-member"));
        assertThat(members).extracting(member -> member.findElement(By.cssSelector(".upload-member-name")).getText())
                .containsExactly("reports/dues.pdf", "photo.png", "notes.txt");
        assertThat(members.get(0).getAttribute("class")).contains("is-created");
        assertThat(members.get(0).getText()).contains("Added: 1 page, 1 passage.");
        assertThat(members.get(1).getAttribute("class")).contains("is-failed");
        assertThat(members.get(1).getText()).contains("Not added. This is not a kind of document Groundwork can read")
                .doesNotContain("UNSUPPORTED_TYPE");
        DocumentRecord archive = document("harbour-papers.zip");
        DocumentRecord member = document("harbour-papers.zip/notes.txt");
        WebElement archiveRow = browser.waitUpTo(WAIT).until(d -> d.findElements(rowOf(archive)).stream().findFirst()
                .orElse(null));
        assertThat(archiveRow.getText()).contains("archive of 2 documents");
        assertThat(archiveRow.findElements(By.cssSelector("[data-action='ask']"))).isEmpty();

        page.findElement(By.cssSelector("tr[data-id='" + member.id() + "'] [data-action='delete']")).click();
        WebElement dialog = page.findElement(By.id("delete-dialog"));
        browser.waitUpTo(WAIT).until(d -> dialog.isDisplayed());
        assertThat(dialog.getText()).contains("is inside “harbour-papers.zip”");
        assertThat(page.findElement(By.id("delete-confirm")).isDisplayed()).isFalse();
        assertThat(problemsInConsole()).isEmpty();
    }

    @Test
    void quotesTheDocumentsAndSaysWhyWhenTheLanguageModelFails() {
        String logbook = "The keeper writes the weather into the logbook every four hours.";
        ingest("lighthouse.pdf", Fixtures.pdf("Lighthouse duties. The lamp is lit at dusk.",
                "The brass is polished on Sundays. " + logbook + " Visitors sign the book at the door."));
        LLM.reply(status(500));
        ChromeDriver page = open();

        ask(page, "How often does the keeper write the weather into the logbook?");
        waitForAnswer(page);

        assertThat(textOf(page.findElement(By.id("answer-status-text")))).isEqualTo("Quoted from your documents");
        assertThat(page.findElement(By.id("answer-notes")).getText()).contains(
                "The language model’s server reported an error, so this answer quotes your documents directly.");
        WebElement citation = page.findElements(By.cssSelector("#answer .sentence button.cite")).stream()
                .filter(button -> button.getAccessibleName().contains("page 2")).findFirst().orElseThrow();
        citation.click();
        WebElement mark = browser.waitUpTo(WAIT).until(d -> d.findElements(By.cssSelector(".passage-text mark"))
                .stream().findFirst().orElse(null));
        assertThat(textOf(mark)).isEqualTo(logbook);
        assertThat(mark.getAttribute("class")).doesNotContain("is-near");
        assertThat(textOf(page.findElement(By.cssSelector(".passage-meta")))).isEqualTo("lighthouse.pdf · page 2");
    }

    @Test
    void keepsAThreadOfQuestionsAndAnswersShowsWhatAFollowUpSearchedForAndStartsAnew() {
        ingest("harbour-crane.txt", Fixtures.utf8("Harbour crane notes. The Titan 40 crane lifts containers of up to "
                + "40 tonnes from the ships. The Titan 40 crane is inspected every six weeks by the harbour engineer."));
        ingest("quay-pump.txt", Fixtures.utf8("Quay pump notes. The Orca pump drains the dry dock in two hours. "
                + "The Orca pump is inspected every nine weeks by the dock engineer."));
        LLM.reply(status(500)); // no model: the follow-up is made standalone by the heuristic
        ChromeDriver page = open();

        ask(page, "What does the Titan 40 crane lift?");
        waitForAnswer(page);
        assertThat(page.findElement(By.id("searched-for")).isDisplayed()).isFalse();
        assertThat(page.findElement(By.id("new-conversation")).isDisplayed()).isTrue();
        ask(page, "How often is it inspected?");
        waitForAnswer(page);

        List<WebElement> turns = page.findElements(By.cssSelector("#thread .thread-turn"));
        assertThat(turns).hasSize(1);
        assertThat(textOf(turns.get(0).findElement(By.cssSelector(".thread-question"))))
                .isEqualTo("What does the Titan 40 crane lift?");
        assertThat(textOf(turns.get(0).findElement(By.cssSelector(".thread-answer")))).contains("containers");
        assertThat(textOf(page.findElement(By.id("current-question")))).isEqualTo("How often is it inspected?");
        assertThat(textOf(page.findElement(By.id("searched-for"))))
                .isEqualTo("Searched for: How often is Titan 40 inspected?");
        assertThat(textOf(page.findElement(By.id("answer")))).contains("six weeks").doesNotContain("nine weeks");

        page.findElement(By.id("new-conversation")).click();

        assertThat(page.findElement(By.id("thread")).isDisplayed()).isFalse();
        assertThat(page.findElements(By.cssSelector("#thread .thread-turn"))).isEmpty();
        assertThat(page.findElement(By.id("new-conversation")).isDisplayed()).isFalse();
        assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("question");
        ask(page, "How often is it inspected?");
        waitForAnswer(page);
        assertThat(page.findElement(By.id("searched-for")).isDisplayed()).isFalse();
        assertThat(page.findElements(By.cssSelector("#thread .thread-turn"))).isEmpty();
        assertThat(problemsInConsole()).isEmpty();
    }

    @Test
    void asksAboutOneDocumentOnlyAndKeepsTheQuestionInTheAddress() {
        DocumentRecord orchard = ingest("orchard.txt", Fixtures.utf8(
                "Orchard notes. The apple trees in the orchard are pruned in February, before the buds open."));
        DocumentRecord vineyard = ingest("vineyard.txt", Fixtures.utf8(
                "Vineyard notes. The vines in the vineyard are pruned in January, when the sap is low."));
        LLM.reply(status(500));
        ChromeDriver page = open();

        page.findElement(By.cssSelector("tr[data-id='" + vineyard.id() + "'] [data-action='ask']")).click();
        assertThat(page.findElement(By.id("scope")).getText()).contains("Only in " + vineyard.title());
        assertThat(page.switchTo().activeElement().getAttribute("id")).isEqualTo("question");
        ask(page, "When are the trees and vines pruned?");
        waitForAnswer(page);

        List<String> cited = page.findElements(By.cssSelector("#answer button.cite")).stream()
                .map(WebElement::getAccessibleName).toList();
        assertThat(cited).isNotEmpty().allSatisfy(name -> assertThat(name).contains(vineyard.title()));
        assertThat(page.getCurrentUrl()).contains("doc=" + vineyard.id()).doesNotContain(orchard.id());

        page.navigate().refresh();
        browser.waitUpTo(WAIT).until(d -> d.findElement(By.id("scope")).getText().contains(vineyard.title()));
        waitForAnswer(page);
        assertThat(page.findElement(By.id("question")).getDomProperty("value")).isEqualTo("When are the trees and vines pruned?");
        page.findElement(By.id("scope-clear")).click();
        assertThat(page.findElement(By.id("scope")).isDisplayed()).isFalse();
    }

    @Test
    void deletesADocumentOnlyAfterConfirmationInADialog() {
        DocumentRecord minutes = ingest("allotment-minutes.txt", Fixtures.utf8(
                "Minutes of the allotment meeting. The shed key hangs behind the blue door."));
        ChromeDriver page = open();
        By row = rowOf(minutes);
        By deleteButton = By.cssSelector("tr[data-id='" + minutes.id() + "'] [data-action='delete']");
        WebElement dialog = page.findElement(By.id("delete-dialog"));

        page.findElement(deleteButton).click();
        browser.waitUpTo(WAIT).until(d -> dialog.isDisplayed());
        assertThat(dialog.getText()).contains("“" + minutes.title() + "”", "cannot be undone");
        assertThat(page.switchTo().activeElement().getAttribute("id")).as("focus starts on the safe choice")
                .isEqualTo("delete-cancel");
        page.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitUpTo(WAIT).until(d -> !dialog.isDisplayed());
        assertThat(page.findElements(row)).as("Escape keeps the document").hasSize(1);
        assertThat(ingestion.find(minutes.id())).isPresent();
        assertThat(page.switchTo().activeElement().getAccessibleName()).isEqualTo("Delete " + minutes.title());

        page.findElement(deleteButton).click();
        browser.waitUpTo(WAIT).until(d -> dialog.isDisplayed());
        page.findElement(By.id("delete-confirm")).click();

        browser.waitUpTo(WAIT).until(d -> d.findElements(row).isEmpty());
        assertThat(dialog.isDisplayed()).isFalse();
        assertThat(ingestion.find(minutes.id())).isEmpty();
        browser.waitUpTo(WAIT).until(d -> textOf(d.findElement(By.id("announcer"))).contains("Deleted " + minutes.title()));
    }

    @Test
    void servesThePageAndTheApiWithAStrictContentSecurityPolicy() {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Groundwork</title>", "<script type=\"module\" src=\"js/app.js\">");
        String policy = page.headers().firstValue("Content-Security-Policy")
                .orElseThrow(() -> new AssertionError("no Content-Security-Policy on /"));
        assertThat(directives(policy))
                .containsEntry("default-src", "'self'")
                .containsEntry("script-src", "'self'")
                .containsEntry("style-src", "'self'")
                .containsEntry("connect-src", "'self'")
                .containsEntry("img-src", "'self' data:")
                .containsEntry("object-src", "'none'")
                .containsEntry("base-uri", "'none'")
                .containsEntry("frame-ancestors", "'none'")
                .containsEntry("form-action", "'self'")
                .containsEntry("require-trusted-types-for", "'script'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        for (String path : List.of("/js/app.js", "/css/app.css", "/api/documents", "/api/nothing-here")) {
            assertThat(get(path).headers().firstValue("Content-Security-Policy")).as(path).hasValue(policy);
        }

        HttpResponse<String> swagger = get("/swagger-ui/index.html");
        assertThat(swagger.statusCode()).isEqualTo(200);
        Map<String, String> swaggerPolicy = directives(swagger.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertThat(swaggerPolicy).as("Swagger UI sets inline styles, but runs no inline script")
                .containsEntry("script-src", "'self'")
                .containsEntry("style-src", "'self' 'unsafe-inline'")
                .containsEntry("frame-ancestors", "'none'")
                .doesNotContainKey("require-trusted-types-for");
    }

    @Test
    void swaggerUiStillWorksUnderItsOwnPolicy() {
        ChromeDriver page = browser();
        page.get(base() + "/swagger-ui.html");

        WebElement title = browser.waitUpTo(WAIT).until(d -> d.findElements(By.cssSelector(".swagger-ui .info .title"))
                .stream().findFirst().orElse(null));
        assertThat(title.getText()).isNotBlank();
        browser.waitUpTo(WAIT).until(d -> !d.findElements(By.cssSelector(".opblock-tag")).isEmpty());
        assertThat(problemsInConsole()).isEmpty();
    }

    @Test
    void answerTextIsCutAtTheMarkersTheServerGivesAndNowhereElse() {
        ChromeDriver page = open();

        @SuppressWarnings("unchecked")
        Map<String, Object> results = (Map<String, Object>) page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('./js/answer-text.js').then((m) => done({
                  all: JSON.stringify(m.pieces('a [1] b [2][3]', [
                    { start: 2, end: 5, citations: [1] }, { start: 11, end: 14, citations: [3] },
                    { start: 8, end: 11, citations: [2] }])),
                  range: JSON.stringify(m.pieces('Alpha [1]. Beta [2].', [
                    { start: 6, end: 9, citations: [1] }, { start: 16, end: 19, citations: [2] }], 11, 20)),
                  unmarked: JSON.stringify(m.pieces('Table [3] of 2021 [1]', [{ start: 18, end: 21, citations: [1] }])),
                })).catch((e) => done({ error: String(e) }));
                """);

        assertThat(results).doesNotContainKey("error");
        assertThat(results.get("all")).isEqualTo("[{\"text\":\"a \"},{\"marker\":{\"start\":2,\"end\":5,\"citations\":[1]}},"
                + "{\"text\":\" b \"},{\"marker\":{\"start\":8,\"end\":11,\"citations\":[2]}},"
                + "{\"marker\":{\"start\":11,\"end\":14,\"citations\":[3]}}]");
        assertThat(results.get("range")).isEqualTo("[{\"text\":\"Beta \"},{\"marker\":{\"start\":16,\"end\":19,"
                + "\"citations\":[2]}},{\"text\":\".\"}]");
        assertThat(results.get("unmarked")).as("brackets the server did not call a marker stay text")
                .isEqualTo("[{\"text\":\"Table [3] of 2021 \"},{\"marker\":{\"start\":18,\"end\":21,\"citations\":[1]}}]");
    }

    // --- the page -----------------------------------------------------------------------------------------------

    private ChromeDriver browser() {
        if (browser == null) {
            browser = Browser.start(1280, 900);
        }
        return browser.driver();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** Opens the page and waits until it has listed the documents. */
    private ChromeDriver open() {
        ChromeDriver page = browser();
        page.get(base() + "/");
        browser.waitUpTo(WAIT).until(d -> "false".equals(d.findElement(By.id("documents")).getAttribute("aria-busy")));
        problemsInConsole(); // start each test with an empty log
        return page;
    }

    private static void upload(ChromeDriver page, Path... files) {
        page.findElement(By.id("file-input")).sendKeys(Arrays.stream(files).map(Path::toString)
                .collect(Collectors.joining("\n")));
    }

    /** The upload of this file once it has its outcome. */
    private WebElement finishedUpload(String fileName) {
        return browser.waitUpTo(WAIT).until(d -> d.findElements(By.cssSelector(".upload.is-finished")).stream()
                .filter(item -> item.findElement(By.cssSelector(".upload-name")).getText().equals(fileName))
                .findFirst().orElse(null));
    }

    private static void ask(ChromeDriver page, String question) {
        WebElement box = page.findElement(By.id("question"));
        box.clear();
        box.sendKeys(question, Keys.ENTER);
    }

    private void waitForAnswer(ChromeDriver page) {
        browser.waitUpTo(WAIT).until(d -> {
            WebElement status = d.findElement(By.id("answer-status"));
            return "false".equals(d.findElement(By.id("answer")).getAttribute("aria-busy"))
                    && !"busy".equals(status.getAttribute("data-state"));
        });
        assertThat(page.findElement(By.id("answer-status")).getAttribute("data-state")).isNotEqualTo("error");
    }

    private static By rowOf(DocumentRecord document) {
        return By.cssSelector("tr[data-id='" + document.id() + "']");
    }

    /** The text as the DOM holds it, before CSS changes its case or hides parts of it. */
    private static String textOf(WebElement element) {
        return element.getDomProperty("textContent");
    }

    /** Console entries that show a script failing or the policy refusing something; network errors aside. */
    private List<String> problemsInConsole() {
        return browser.consoleLog().stream().map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .filter(message -> message.contains("Content Security Policy") || message.contains("Trusted")
                        || message.contains("Uncaught") || message.contains("Refused") || message.contains("rror"))
                .toList();
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A policy's directives by name: "script-src 'self'" gives script-src → 'self'. */
    private static Map<String, String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::strip).filter(d -> !d.isEmpty())
                .collect(Collectors.toMap(d -> d.split(" ", 2)[0], d -> d.contains(" ") ? d.split(" ", 2)[1] : ""));
    }

    // --- documents ----------------------------------------------------------------------------------------------

    private static Path file(String name, byte[] content) {
        try {
            return Files.write(Files.createDirectories(files.resolve(name + "-" + System.nanoTime())).resolve(name),
                    content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DocumentRecord ingest(String fileName, byte[] content) {
        return ingestion.upload(fileName, new ByteArrayInputStream(content)).document();
    }

    private DocumentRecord document(String fileName) {
        return ingestion.documents().stream().filter(doc -> doc.fileName().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError("no document named " + fileName));
    }
}
