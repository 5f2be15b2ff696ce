package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.groundwork.ingest.IngestionService;
import dev.groundwork.sync.FolderSync;
import dev.groundwork.sync.SyncStatus;
import dev.groundwork.sync.SyncTrigger;
import dev.groundwork.support.ObservedEncoder;
import dev.groundwork.support.TestDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = {"groundwork.sync.cron=-", "groundwork.sync.on-startup=false"})
@AutoConfigureMockMvc
@Import(ObservedEncoder.Config.class)
@DirtiesContext
class ReindexApiIntegrationTests {

    static Path root;

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        root = TestDirs.register(registry);
        registry.add("groundwork.sync.sources[0].name", () -> "shared");
        registry.add("groundwork.sync.sources[0].dir", () -> root.resolve("shared").toString());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    FolderSync sync;

    @Autowired
    ObservedEncoder encoder;

    @Autowired
    IngestionService ingestion;

    @Test
    void aSecondTriggerWhileARunIsGoingGets409WithTheRunningStatus() throws Exception {
        // given a run held while it embeds a new file
        Files.writeString(Files.createDirectories(root.resolve("ingest")).resolve("okapi.txt"),
                "Okapis live in the rainforest of the Congo.");
        encoder.close();
        try {
            mvc.perform(post("/api/reindex"))
                    .andExpect(status().isAccepted())
                    .andExpect(header().string("Location", "/api/reindex/status"))
                    .andExpect(jsonPath("$.state").value("RUNNING"))
                    .andExpect(jsonPath("$.current.trigger").value("MANUAL"));
            assertThat(encoder.awaitHeld(30)).isTrue();
            long run = sync.status().current().run();

            // when it is triggered again, then 409 with the running job's status
            mvc.perform(post("/api/reindex"))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("REINDEX_RUNNING"))
                    .andExpect(jsonPath("$.status").value(409))
                    .andExpect(jsonPath("$.job.state").value("RUNNING"))
                    .andExpect(jsonPath("$.job.current.run").value(run))
                    .andExpect(jsonPath("$.job.current.phase").value("INDEXING"));
            // and the status shows the run in progress
            mvc.perform(get("/api/reindex/status"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("RUNNING"))
                    .andExpect(jsonPath("$.current.mode").value("INCREMENTAL"))
                    .andExpect(jsonPath("$.current.progress.filesTotal").value(greaterThanOrEqualTo(1)))
                    .andExpect(jsonPath("$.current.startedAt").isNotEmpty());
        } finally {
            encoder.open();
        }

        // when the run is over, then the status is idle with the run's outcome
        await().atMost(Duration.ofSeconds(60)).until(() -> sync.status().state() == SyncStatus.State.IDLE);
        mvc.perform(get("/api/reindex/status"))
                .andExpect(jsonPath("$.state").value("IDLE"))
                .andExpect(jsonPath("$.current").value(nullValue()))
                .andExpect(jsonPath("$.last.phase").value("COMPLETED"))
                .andExpect(jsonPath("$.last.added").value(1))
                .andExpect(jsonPath("$.last.failed").isEmpty())
                .andExpect(jsonPath("$.last.durationMs").value(greaterThanOrEqualTo(0)))
                .andExpect(jsonPath("$.last.progress.percent").value(100.0))
                .andExpect(jsonPath("$.vectorSearch").value(true))
                .andExpect(jsonPath("$.generation").value("gen-000001"));
    }

    @Test
    void deletingADocumentOfAnExtraSourceIsRefusedWith409() throws Exception {
        // given a document from the extra source
        Path note = Files.createDirectories(root.resolve("shared")).resolve("quokka.md");
        Files.writeString(note, "# Quokkas\n\nQuokkas are small wallabies of Rottnest Island.");
        sync.runNow(SyncTrigger.MANUAL);
        String id = ingestion.documents().stream().filter(document -> document.paths().contains("//shared/quokka.md"))
                .findFirst().orElseThrow().id();

        // when it is deleted through the API, then it is refused and nothing is removed
        mvc.perform(delete("/api/documents/{id}", id))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DOCUMENT_IN_SOURCE"))
                .andExpect(jsonPath("$.paths[0]").value("//shared/quokka.md"));
        assertThat(note).exists();
        assertThat(ingestion.find(id)).isPresent();
    }

}
