package dev.groundwork.index;

import static dev.groundwork.index.IndexFixtures.put;
import static dev.groundwork.index.IndexFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the Lucene generations live on disk, beyond the lifecycle contract ({@link GenerationalChunkIndexLifecycleTests}):
 * the folders and the {@code CURRENT} pointer, the index of older versions, the merge before a switch, and searches
 * going on during a switch.
 */
class GenerationalChunkIndexTests {

    @TempDir
    Path dir;

    private IndexSettings settings() {
        return new IndexSettings(dir, Duration.ofSeconds(1), 16, 0.5, IndexSettings.VectorFormat.FLOAT);
    }

    private String pointer() throws IOException {
        return Files.readString(dir.resolve("CURRENT"), StandardCharsets.UTF_8).strip();
    }

    @Test
    void startsTheFirstGenerationInAnEmptyFolderAndPointsAtIt() throws IOException {
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            assertThat(index.serving().name()).isEqualTo("gen-000001");
            assertThat(pointer()).isEqualTo("gen-000001");
        }
    }

    @Test
    void aSwitchPointsAtTheNewGenerationAndDeletesTheOldOnceItsLastUserIsDone() throws IOException {
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            index.use(serving -> put(serving, "aaaaaaaaaaaaaaaa", "Old", "the old apple orchard"));
            NextGeneration next = index.startNext();
            put(next.store(), "bbbbbbbbbbbbbbbb", "New", "the new apple press");
            ChunkIndex held = index.acquire();

            index.switchTo(next, "p2");

            assertThat(pointer()).isEqualTo("gen-000002");
            assertThat(dir.resolve("gen-000001")).as("still in use").isDirectory();
            index.release(held);
            assertThat(dir.resolve("gen-000001")).doesNotExist();
        }
    }

    @Test
    void searchesGoingOnDuringASwitchNeverFail() throws Exception {
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            index.use(serving -> put(serving, "aaaaaaaaaaaaaaaa", "Old", "the old apple orchard"));
            ExecutorService searchers = Executors.newFixedThreadPool(3);
            AtomicBoolean searching = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicInteger searchesOfTheNew = new AtomicInteger();
            for (int i = 0; i < 3; i++) {
                searchers.submit(() -> {
                    while (searching.get()) {
                        try {
                            boolean onTheNew = index.use(serving -> {
                                serving.searchVector(unit(1, 0), 5, ChunkFilter.NONE);
                                serving.documents();
                                return serving.searchText("apple", 5, ChunkFilter.NONE).stream()
                                        .anyMatch(hit -> hit.document().id().equals("bbbbbbbbbbbbbbbb"));
                            });
                            if (onTheNew) {
                                searchesOfTheNew.incrementAndGet();
                            }
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                });
            }
            NextGeneration next = index.startNext();
            put(next.store(), "bbbbbbbbbbbbbbbb", "New", "the new apple press");

            index.switchTo(next, "p2");
            await().atMost(Duration.ofSeconds(30)).until(() -> searchesOfTheNew.get() >= 30);
            searching.set(false);
            searchers.shutdown();

            assertThat(searchers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(errors).isEmpty();
            assertThat(dir.resolve("gen-000001")).doesNotExist();
        }
    }

    @Test
    void aDiscardedGenerationLeavesNoFolder() {
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            NextGeneration next = index.startNext();
            put(next.store(), "bbbbbbbbbbbbbbbb", "Thrown away", "thrown away");

            index.discard(next);

            assertThat(dir.resolve("gen-000002")).doesNotExist();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRestartRemovesTheFoldersOfUnfinishedGenerations() throws IOException {
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            NextGeneration next = index.startNext();
            put(next.store(), "bbbbbbbbbbbbbbbb", "Switched", "switched in");
            index.switchTo(next, "p2");
            put(index.startNext().store(), "cccccccccccccccc", "Unfinished", "never switched");
        }
        assertThat(dir.resolve("gen-000003")).isDirectory();

        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            assertThat(index.serving().name()).isEqualTo("gen-000002");
            assertThat(dir.resolve("gen-000003")).doesNotExist();
        }
    }

    @Test
    void anIndexWrittenStraightIntoTheFolderBecomesTheFirstGeneration() throws IOException {
        // given an index as earlier versions wrote it, straight into the folder
        try (LuceneChunkIndex legacy = new LuceneChunkIndex(settings())) {
            put(legacy, "aaaaaaaaaaaaaaaa", "Legacy", "written before generations");
        }
        Files.writeString(dir.resolve(".gitkeep"), "");

        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            assertThat(index.serving().name()).isEqualTo("gen-000001");
            Optional<DocumentRecord> adopted = index.use(serving -> serving.find("aaaaaaaaaaaaaaaa"));
            assertThat(adopted).isPresent();
            assertThat(dir.resolve(".gitkeep")).exists();
            try (var top = Files.list(dir)) {
                assertThat(top.map(path -> path.getFileName().toString()))
                        .containsExactlyInAnyOrder("gen-000001", "CURRENT", ".gitkeep");
            }
        }
    }

    @Test
    void aRebuiltGenerationServesAsOneSegmentWithEveryDocument() throws IOException {
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            NextGeneration next = index.startNext();
            put(next.store(), "aaaaaaaaaaaaaaaa", "First", "first words"); // a commit each: a segment each
            put(next.store(), "bbbbbbbbbbbbbbbb", "Second", "second words");
            put(next.store(), "cccccccccccccccc", "Third", "third words");

            index.switchTo(next, "p2");

            long documents = index.use(serving -> serving.stats().documents());
            assertThat(documents).isEqualTo(3);
        }
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir.resolve("gen-000002"));
             var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).hasSize(1);
        }
    }

    @Test
    void aRefreshShowsSearchesTheServingGenerationsWritesNotYetCommitted() throws IOException {
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            index.use(serving -> {
                serving.upsert(IndexFixtures.document("aaaaaaaaaaaaaaaa", "Soon", "text/plain", 1),
                        IndexFixtures.chunks("visible soon"));
                return null;
            });

            index.refresh();

            List<ChunkHit> hits = index.use(serving -> serving.searchText("visible", 5, ChunkFilter.NONE));
            assertThat(hits).hasSize(1);
        }
    }
}
