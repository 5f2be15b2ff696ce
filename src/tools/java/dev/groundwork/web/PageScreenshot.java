package dev.groundwork.web;

import dev.groundwork.ingest.IngestionService;
import dev.groundwork.support.Browser;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.TestDirs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Makes {@code docs/screenshot.png}: the page in use, with the sample documents and a generated manual, an answer,
 * and a citation open. Not part of the build (the name does not end in Tests); run it with
 * {@code mvn -o test -Dtest=PageScreenshot -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageScreenshot {

    private static final Path TARGET = Path.of("docs", "screenshot.png");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
        registry.add("groundwork.sync.cron", () -> "-");
    }

    @LocalServerPort
    int port;
    @Autowired
    IngestionService ingestion;

    @Test
    void takeScreenshot() throws IOException {
        try (Stream<Path> samples = Files.list(Path.of("ingest", "samples"))) {
            for (Path sample : samples.sorted().toList()) {
                try (InputStream in = Files.newInputStream(sample)) {
                    ingestion.upload(sample.getFileName().toString(), in);
                }
            }
        }
        Path manual = Files.createTempDirectory("groundwork-screenshot-").resolve("heating-manual.pdf");
        Files.write(manual, Fixtures.pdf(
                "Heating manual for the Elm Street office. This manual explains the heating system, who looks after "
                        + "it, and what to do when something goes wrong.",
                "Everyday care. The boiler is serviced once a year by a certified engineer. The pressure gauge of "
                        + "the boiler should read between 1.2 and 1.8 bar when the system is cold. If it reads "
                        + "below 1.0 bar, top the system up with the filling loop under the boiler until the gauge "
                        + "shows 1.5 bar.\n\nRadiators are bled every autumn, starting on the ground floor.",
                "Faults. A boiler that shows the code F28 has no ignition: check that the gas valve is open, then "
                        + "call the engineer on the number printed on the front panel."));

        try (Browser browser = Browser.start(1400, 1000)) {
            ChromeDriver page = browser.driver();
            page.get("http://localhost:" + port + "/");
            browser.waitUpTo(WAIT).until(d -> "false".equals(d.findElement(By.id("documents")).getAttribute("aria-busy")));
            page.findElement(By.id("file-input")).sendKeys(manual.toString());
            browser.waitUpTo(WAIT).until(d -> !d.findElements(By.cssSelector(".upload.is-created")).isEmpty());

            WebElement question = page.findElement(By.id("question"));
            question.sendKeys("What should the boiler pressure gauge read?", Keys.ENTER);
            browser.waitUpTo(WAIT).until(d -> !d.findElements(By.cssSelector("#answer .sentence button.cite")).isEmpty());
            List<WebElement> citations = page.findElements(By.cssSelector("#answer .sentence button.cite"));
            citations.get(0).click();
            browser.waitUpTo(WAIT).until(d -> !d.findElements(By.cssSelector(".passage-text mark")).isEmpty());
            page.executeScript("window.scrollTo(0, 0); document.activeElement.blur();");
            // the whole page in one picture: a window as tall as the page
            long chrome = (Long) page.executeScript("return window.outerHeight - window.innerHeight;");
            long height = (Long) page.executeScript("return document.documentElement.scrollHeight;");
            page.manage().window().setSize(new Dimension(1400, (int) (height + chrome)));

            Files.createDirectories(TARGET.getParent());
            Files.move(browser.screenshot("page"), TARGET, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("Wrote " + TARGET.toAbsolutePath());
        }
    }
}
