package dev.groundwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.ApiClient;
import dev.groundwork.support.ApiClient.Reply;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.Scans;
import dev.groundwork.support.Scans.Look;
import dev.groundwork.support.TestDirs;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * OCR {@code auto} where the tesseract binary is missing (here: a command that does not exist): the service starts,
 * health says OCR is missing and why, a scan is refused with NO_TEXT and an image with UNSUPPORTED_TYPE, as with OCR
 * off, and documents with text are read as ever.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groundwork.sync.cron=-", "groundwork.parse.ocr-command=/nonexistent/bin/tesseract"})
class OcrMissingIntegrationTests {

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
    }

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void healthSaysOcrIsMissingAndScansAndImagesAreRefusedAsWithOcrOff() {
        JsonNode ocr = api.get("/actuator/health").json().at("/components/ocr");
        Reply scan = api.upload("scan.pdf", Scans.scannedPdf(List.of(Scans.page(List.of("Hello there"), Look.CLEAN))));
        Reply image = api.upload("photo.png", Scans.png(Scans.page(List.of("Hello there"), Look.CLEAN)));
        Reply text = api.upload("text.pdf", Fixtures.pdf("The ferry leaves the north pier every hour."));

        assertThat(ocr.path("status").asString()).isEqualTo("UP");
        assertThat(ocr.at("/details/status").asString()).isEqualTo("missing");
        assertThat(ocr.at("/details/reason").asString()).contains("tesseract-ocr");
        assertThat(scan.code()).isEqualTo("NO_TEXT");
        assertThat(scan.json().path("detail").asString()).contains("OCR is off");
        assertThat(image.status()).isEqualTo(415);
        assertThat(image.code()).isEqualTo("UNSUPPORTED_TYPE");
        assertThat(text.status()).isEqualTo(201);
    }
}
