package dev.groundwork.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.groundwork.GroundworkApplication;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.DocumentPipeline;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.retrieve.RetrievalRequest;
import dev.groundwork.retrieve.RetrievedChunk;
import dev.groundwork.retrieve.Retriever;
import dev.groundwork.support.ObservedEncoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A restart with another pipeline: the service comes up on the old index, rebuilds beside it while it keeps
 * answering, and switches. Each test starts the application more than once on the same folders.
 */
class IndexRebuildIntegrationTests {

    @TempDir
    Path root;

    private ConfigurableApplicationContext start(String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "groundwork.ingest.dir=" + root.resolve("ingest"),
                "groundwork.index.dir=" + root.resolve("index"),
                "groundwork.sync.cron=-",
                "groundwork.sync.on-startup=false",
                "spring.main.banner-mode=off"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(GroundworkApplication.class, ObservedEncoder.Config.class)
                .web(WebApplicationType.NONE)
                .properties(all.toArray(String[]::new))
                .run();
    }

    private void write(String name, String text) throws IOException {
        Path file = root.resolve("ingest").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void anotherEncoderRebuildsBesideTheServingIndexWhichAnswersByTextUntilTheSwitch() throws Exception {
        // given an index built with the quantized MiniLM, the default before e5
        write("armadillo.txt", "Armadillos roll into a ball when threatened by predators.");
        write("beaver.txt", "Beavers build dams across streams with branches and mud.");
        write("camel.txt", "Camels store fat in their humps for long desert journeys.");
        String beaverId;
        try (ConfigurableApplicationContext first = start("groundwork.encoder.model=all-minilm-l6-v2-q")) {
            assertThat(first.getBean(FolderSync.class).runNow(SyncTrigger.MANUAL).added()).isEqualTo(3);
            beaverId = idOf(first.getBean(IngestionService.class), "beaver.txt");
        }

        // when the service is upgraded and comes back with its default encoder (e5-small-v2-q), no setting changed
        try (ConfigurableApplicationContext second = start()) {
            FolderSync sync = second.getBean(FolderSync.class);
            IngestionService ingestion = second.getBean(IngestionService.class);
            Retriever retriever = second.getBean(Retriever.class);
            ObservedEncoder encoder = second.getBean(ObservedEncoder.class);
            String configured = second.getBean(DocumentPipeline.class).signature();

            // then it serves the old index by text only, and knows it must rebuild
            SyncStatus before = sync.status();
            assertThat(before.rebuildPending()).isTrue();
            assertThat(before.vectorSearch()).isFalse();
            assertThat(before.generation()).isEqualTo("gen-000001");
            assertTextOnlyHit(retriever, "armadillos threatened", "armadillo.txt");

            // when the rebuild runs, held in the middle
            encoder.close();
            String dingoId;
            try {
                sync.trigger(SyncTrigger.MANUAL);
                assertThat(encoder.awaitHeld(60)).isTrue();
                assertThat(sync.status().current().mode()).isEqualTo(SyncReport.Mode.REBUILD);
                assertThat(root.resolve("index/gen-000002")).isDirectory();

                // then queries keep working on the old index, by text
                assertTextOnlyHit(retriever, "armadillos threatened", "armadillo.txt");
                // and uploads and deletes keep working too
                dingoId = ingestion.upload("dingo.txt", new ByteArrayInputStream(
                        "Dingoes howl across the Australian outback.".getBytes(StandardCharsets.UTF_8))).document().id();
                assertTextOnlyHit(retriever, "dingoes howl", "dingo.txt");
                ingestion.delete(beaverId);
            } finally {
                encoder.open();
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> sync.status().state() == SyncStatus.State.IDLE);

            // then the new generation serves, made entirely by the new pipeline, with the upload and without the delete
            SyncStatus after = sync.status();
            assertThat(after.last().phase()).isEqualTo(SyncReport.Phase.COMPLETED);
            assertThat(after.last().mode()).isEqualTo(SyncReport.Mode.REBUILD);
            assertThat(after.generation()).isEqualTo("gen-000002");
            assertThat(after.rebuildPending()).isFalse();
            assertThat(after.vectorSearch()).isTrue();
            List<DocumentRecord> documents = ingestion.documents();
            assertThat(documents).extracting(DocumentRecord::fileName)
                    .containsExactlyInAnyOrder("armadillo.txt", "camel.txt", "dingo.txt");
            assertThat(documents).extracting(DocumentRecord::pipeline).containsOnly(configured);
            assertThat(ingestion.find(dingoId)).isPresent();
            assertThat(ingestion.find(beaverId)).isEmpty();
            assertThat(Files.readString(root.resolve("index/CURRENT")).strip()).isEqualTo("gen-000002");
            assertThat(root.resolve("index/gen-000001")).doesNotExist();
            // and vector search is back
            assertThat(retriever.retrieve(RetrievalRequest.of("animals that howl")).chunks())
                    .anySatisfy(chunk -> assertThat(chunk.vectorRank()).isNotNull());
        }
    }

    @Test
    void anotherChunkSizeRebuildsWhileVectorSearchKeepsWorkingAndADeletedIndexIsRebuiltAtStartUp() throws Exception {
        // given an index built with the default chunk size
        write("heron.txt", "Herons wait motionless in shallow water for fish.");
        write("ibis.txt", "Ibises probe mud with their long curved bills.");
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBean(FolderSync.class).runNow(SyncTrigger.MANUAL).added()).isEqualTo(2);
        }
        String[] smallerChunks = {"groundwork.split.chunk-tokens=64", "groundwork.split.overlap-tokens=8"};

        // when the service comes back with smaller chunks
        try (ConfigurableApplicationContext second = start(smallerChunks)) {
            FolderSync sync = second.getBean(FolderSync.class);
            Retriever retriever = second.getBean(Retriever.class);
            ObservedEncoder encoder = second.getBean(ObservedEncoder.class);
            assertThat(sync.status().rebuildPending()).isTrue();
            // then the vectors are still the same encoder's: vector search goes on during the rebuild
            assertThat(sync.status().vectorSearch()).isTrue();
            encoder.close();
            try {
                sync.trigger(SyncTrigger.MANUAL);
                assertThat(encoder.awaitHeld(60)).isTrue();
                assertThat(retriever.retrieve(RetrievalRequest.of("birds with curved bills")).chunks())
                        .anySatisfy(chunk -> assertThat(chunk.vectorRank()).isNotNull());
            } finally {
                encoder.open();
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> sync.status().state() == SyncStatus.State.IDLE);
            assertThat(sync.status().generation()).isEqualTo("gen-000002");
            assertThat(second.getBean(IngestionService.class).documents()).extracting(DocumentRecord::pipeline)
                    .containsOnly(second.getBean(DocumentPipeline.class).signature());
        }

        // when the index folder is deleted and the service starts again
        deleteRecursively(root.resolve("index"));
        List<String> properties = new ArrayList<>(List.of(smallerChunks));
        properties.add("groundwork.sync.on-startup=true");
        try (ConfigurableApplicationContext third = start(properties.toArray(String[]::new))) {
            FolderSync sync = third.getBean(FolderSync.class);
            await().atMost(Duration.ofSeconds(120)).until(() -> sync.status().last() != null
                    && sync.status().state() == SyncStatus.State.IDLE);
            // then it is rebuilt from the ingest folder
            assertThat(sync.status().last().added()).isEqualTo(2);
            assertThat(third.getBean(IngestionService.class).documents()).extracting(DocumentRecord::fileName)
                    .containsExactlyInAnyOrder("heron.txt", "ibis.txt");
        }
    }

    @Test
    void aFailedRebuildLeavesTheServingIndexAndIsTriedAgainLessOften() throws Exception {
        // given an index built with the quantized MiniLM, the default before e5
        write("kudu.txt", "Kudus have long spiral horns.");
        try (ConfigurableApplicationContext first = start("groundwork.encoder.model=all-minilm-l6-v2-q")) {
            first.getBean(FolderSync.class).runNow(SyncTrigger.MANUAL);
        }
        try (ConfigurableApplicationContext second = start("groundwork.encoder.model=all-minilm-l6-v2")) {
            FolderSync sync = second.getBean(FolderSync.class);
            ObservedEncoder encoder = second.getBean(ObservedEncoder.class);
            Retriever retriever = second.getBean(Retriever.class);

            // when the rebuild fails (the new encoder breaks on every passage), twice
            encoder.failing(true);
            SyncReport failed = sync.runNow(SyncTrigger.MANUAL);
            sync.runNow(SyncTrigger.MANUAL);

            // then the old generation still serves, by text, and the half-built one is gone
            assertThat(failed.phase()).isEqualTo(SyncReport.Phase.FAILED);
            assertThat(failed.mode()).isEqualTo(SyncReport.Mode.REBUILD);
            assertThat(failed.error()).contains("would lose").contains("kudu.txt");
            assertThat(failed.failed()).extracting(SyncReport.FailedFile::code).containsExactly("INDEXING_FAILED");
            assertThat(sync.status().generation()).isEqualTo("gen-000001");
            assertThat(sync.status().rebuildPending()).isTrue();
            assertThat(root.resolve("index/gen-000002")).doesNotExist();
            assertTextOnlyHit(retriever, "spiral horns", "kudu.txt");

            // and the schedule backs off: after two failures, one tick is skipped
            long lastRun = sync.status().last().run();
            sync.onSchedule();
            assertThat(sync.status().state()).isEqualTo(SyncStatus.State.IDLE);
            assertThat(sync.status().last().run()).isEqualTo(lastRun);

            // when the encoder works again, the next tick rebuilds and switches
            encoder.failing(false);
            sync.onSchedule();
            await().atMost(Duration.ofSeconds(120)).until(() -> sync.status().state() == SyncStatus.State.IDLE
                    && sync.status().last().run() > lastRun);
            assertThat(sync.status().last().phase()).isEqualTo(SyncReport.Phase.COMPLETED);
            assertThat(sync.status().generation()).isEqualTo("gen-000002");
            assertThat(sync.status().vectorSearch()).isTrue();
        }
    }

    private static void assertTextOnlyHit(Retriever retriever, String query, String fileName) {
        List<RetrievedChunk> chunks = retriever.retrieve(RetrievalRequest.of(query)).chunks();
        assertThat(chunks).isNotEmpty();
        assertThat(chunks.get(0).document().fileName()).isEqualTo(fileName);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.vectorRank()).isNull());
    }

    private static String idOf(IngestionService ingestion, String fileName) {
        return ingestion.documents().stream().filter(document -> Objects.equals(document.fileName(), fileName))
                .findFirst().orElseThrow().id();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
