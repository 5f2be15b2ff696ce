package dev.groundwork.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.groundwork.GroundworkApplication;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.retrieve.RetrievalRequest;
import dev.groundwork.retrieve.Retriever;
import dev.groundwork.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Stops and starts the whole application on the same folders, as a user would. */
class RestartIntegrationTests {

    @TempDir
    Path root;

    private ConfigurableApplicationContext start() {
        // as arguments: they win over application.yml, whose port may be taken by a service running here
        return new SpringApplicationBuilder(GroundworkApplication.class)
                .run("--server.port=0",
                        "--groundwork.ingest.dir=" + root.resolve("ingest"),
                        "--groundwork.index.dir=" + root.resolve("index"));
    }

    private static String firstHitText(ConfigurableApplicationContext app, String query) {
        var chunks = app.getBean(Retriever.class).retrieve(RetrievalRequest.of(query)).chunks();
        return chunks.isEmpty() ? "" : chunks.get(0).chunk().text();
    }

    @Test
    void aRestartKeepsEveryDocument() {
        String id;
        try (ConfigurableApplicationContext app = start()) {
            id = app.getBean(IngestionService.class).upload("moons.txt",
                    new ByteArrayInputStream(Fixtures.utf8("Jupiter has a moon called Ganymede."))).document().id();
        }

        try (ConfigurableApplicationContext app = start()) {
            IngestionService ingestion = app.getBean(IngestionService.class);
            assertThat(ingestion.find(id)).isPresent();
            assertThat(ingestion.documents()).hasSize(1);
            assertThat(firstHitText(app, "Ganymede")).contains("Ganymede");
        }
    }

    @Test
    void aDeletedIndexIsRebuiltFromTheIngestFolder() throws IOException {
        String id;
        try (ConfigurableApplicationContext app = start()) {
            IngestionService ingestion = app.getBean(IngestionService.class);
            id = ingestion.upload("rivers.pdf", new ByteArrayInputStream(Fixtures.pdf(
                    "The Danube flows through ten countries.", "The Rhine ends in the North Sea."))).document().id();
        }
        Files.createDirectories(root.resolve("ingest/notes"));
        Files.writeString(root.resolve("ingest/notes/dropped.md"), "# Dropped\n\nA file dropped by hand about glaciers.");
        deleteTree(root.resolve("index"));

        try (ConfigurableApplicationContext app = start()) {
            IngestionService ingestion = app.getBean(IngestionService.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> ingestion.documents().size() == 2);
            assertThat(ingestion.find(id)).get().satisfies(document -> {
                assertThat(document.fileName()).isEqualTo("rivers.pdf");
                assertThat(document.pages()).isEqualTo(2);
            });
            assertThat(firstHitText(app, "Which sea does the Rhine end in?")).contains("North Sea");
            assertThat(firstHitText(app, "glaciers")).contains("glaciers");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
