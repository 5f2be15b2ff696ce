package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.ApiClient;
import dev.groundwork.support.ApiClient.Reply;
import dev.groundwork.support.Browser;
import dev.groundwork.support.Scans;
import dev.groundwork.support.Scans.Look;
import dev.groundwork.support.Scans.Page;
import dev.groundwork.support.TestDirs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Scans through the running service, with OCR as it is by default ({@code auto}) and parse workers as they run by
 * default (in bubblewrap where it works): a scanned page of a mixed PDF and a frame of a TIFF are found by search on
 * their page and answered from, cited as scanned; bombs are refused with their code and leave nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groundwork.sync.cron=-", "groundwork.parse.ocr-max-pixels=20000000"})
class OcrIntegrationTests {

    private static final String PENSION = "Employees join the pension scheme after completing three months of service.";
    private static final String KEYS = "Spare keys for the boiler room are kept in the red cabinet beside reception.";

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
    }

    @BeforeAll
    static void tesseractIsInstalled() {
        Scans.assumeTesseract(OcrIntegrationTests.class);
    }

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void healthSaysOcrIsAvailable() {
        JsonNode ocr = api.get("/actuator/health").json().at("/components/ocr");

        assertThat(ocr.path("status").asString()).isEqualTo("UP");
        assertThat(ocr.at("/details/status").asString()).isEqualTo("available");
        assertThat(ocr.at("/details/binary").asString()).endsWith("/tesseract");
        assertThat(ocr.at("/details/languages").asString()).isEqualTo("eng");
    }

    @Test
    void aScannedPageOfAMixedPdfIsFoundOnItsPageAndAnsweredFromAsScanned() {
        byte[] pdf = Scans.pdf(List.of(
                Page.text("Staff handbook of the Northwind Trading Company.\nChapter one: working hours."),
                Page.scan(Scans.page(List.of("Benefits", PENSION), Look.SKEWED)),
                Page.text("Chapter three: holidays are booked in the shared calendar."),
                Page.scan(Scans.page(List.of("Facilities", KEYS), Look.NOISY))));

        Reply upload = api.upload("handbook.pdf", pdf);

        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        JsonNode document = upload.json().path("documents").get(0);
        assertThat(document.path("pages").asInt()).isEqualTo(4);
        assertThat(document.path("ocrPages").asInt()).isEqualTo(2);
        String id = document.path("id").asString();

        JsonNode hit = api.search("When do employees join the pension scheme?", 3).json().path("hits").get(0);
        assertThat(hit.path("documentId").asString()).isEqualTo(id);
        assertThat(hit.path("page").asInt()).isEqualTo(2);
        assertThat(hit.path("text").asString().replaceAll("\\s+", " ")).contains("pension scheme after completing three months");
        assertThat(hit.path("scanned").asBoolean()).isTrue();
        assertThat(hit.path("ocrConfidence").asDouble()).isBetween(50.0, 100.0);

        JsonNode keys = api.search("where are the spare keys for the boiler room", 3).json().path("hits").get(0);
        assertThat(keys.path("page").asInt()).isEqualTo(4);
        JsonNode text = api.search("holidays booked in the shared calendar", 3).json().path("hits").get(0);
        assertThat(text.path("page").asInt()).isEqualTo(3);
        assertThat(text.path("scanned").asBoolean()).isFalse();
        assertThat(text.path("ocrConfidence").isNull()).isTrue();

        Reply ask = api.postJson("/api/ask", "{\"question\":\"After how many months of service do employees join the "
                + "pension scheme?\",\"documentIds\":[\"" + id + "\"]}");
        assertThat(ask.status()).as(ask.body()).isEqualTo(200);
        assertThat(ask.json().path("abstained").asBoolean()).as(ask.body()).isFalse();
        assertThat(ask.json().path("answer").asString().replaceAll("\\s+", " ")).contains("three months of service");
        JsonNode citation = ask.json().path("citations").get(0);
        assertThat(citation.path("page").asInt()).isEqualTo(2);
        assertThat(citation.path("scanned").asBoolean()).isTrue();

        JsonNode listed = api.get("/api/documents/" + id).json();
        assertThat(listed.path("ocrPages").asInt()).isEqualTo(2);
        assertThat(listed.path("ocrFailedPages").size()).isZero();
    }

    @Test
    void thePageSaysScannedBesideACitationAndCountsThePagesOcrRead() {
        byte[] pdf = Scans.pdf(List.of(
                Page.scan(Scans.page(List.of("Parking", "Visitors park in the gravel lot behind the old grain silo."),
                        Look.CLEAN)),
                Page.text("Directions to the Millbrook office.\nTake the second exit at the roundabout.")));
        Reply upload = api.upload("directions.pdf", pdf);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String id = upload.json().path("documents").get(0).path("id").asString();

        try (Browser browser = Browser.start(1280, 900)) {
            ChromeDriver page = browser.driver();
            page.get("http://localhost:" + port + "/?q="
                    + URLEncoder.encode("Where do visitors park?", StandardCharsets.UTF_8));

            WebElement citation = browser.waitUpTo(Duration.ofSeconds(60)).until(d -> d.findElements(
                    By.cssSelector("#answer .sentence button.cite")).stream().findFirst().orElse(null));
            assertThat(citation.getAccessibleName()).endsWith(", page 1 (scanned)");
            citation.click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(".passage-meta"))
                    .getDomProperty("textContent").equals("directions.pdf · page 1 (scanned)"));
            WebElement pages = browser.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElements(
                    By.cssSelector("tr[data-id='" + id + "'] td[data-label='Pages']")).stream().findFirst().orElse(null));
            // two pages, one of them read by OCR
            assertThat(pages.getDomProperty("textContent")).startsWith("2");
            assertThat(pages.findElement(By.cssSelector(".doc-ocr")).getDomProperty("textContent")).isEqualTo("1 by OCR");
        }
    }

    @Test
    void eachFrameOfAFaxedTiffIsAPage() {
        byte[] tiff = Scans.tiff(List.of(
                Scans.page(List.of("Invoice 4471 from Harbour Supplies."), Look.CLEAN),
                Scans.page(List.of("Payment is due within fourteen days of the invoice date."), Look.NOISY),
                Scans.page(List.of("Late payments are charged two percent interest per month."), Look.CLEAN)));

        Reply upload = api.upload("fax.tif", tiff);

        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        assertThat(upload.json().path("documents").get(0).path("pages").asInt()).isEqualTo(3);
        JsonNode hit = api.search("interest charged on late payments", 3).json().path("hits").get(0);
        assertThat(hit.path("fileName").asString()).isEqualTo("fax.tif");
        assertThat(hit.path("page").asInt()).isEqualTo(3);
        assertThat(hit.path("scanned").asBoolean()).isTrue();
    }

    @Test
    void aDecompressionBombAndAnImageOverThePixelLimitAreRefusedWithTheirCodeAndLeaveNothing() {
        Reply bomb = api.upload("bomb.png", Scans.pngDeclaring(50_000, 50_000));
        // 5,000 x 5,000: 25 megapixels, over the 20 this service allows (a real image, rows of white)
        Reply large = api.upload("large.png", Scans.pngDeclaring(5_000, 5_000));

        assertThat(bomb.status()).isEqualTo(422);
        assertThat(bomb.code()).isEqualTo("TOO_MANY_PIXELS");
        assertThat(large.code()).isEqualTo("TOO_MANY_PIXELS");
        assertThat(api.get("/api/documents").json().path("documents").valueStream()
                .map(document -> document.path("fileName").asString())).doesNotContain("bomb.png", "large.png");
    }
}
