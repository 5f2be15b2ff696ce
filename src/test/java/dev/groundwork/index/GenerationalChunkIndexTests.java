package dev.groundwork.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.index.GenerationalChunkIndex.Generation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationalChunkIndexTests {

    @TempDir
    Path dir;

    private IndexSettings settings() {
        return new IndexSettings(dir, Duration.ofMillis(50), 16, 0.5, IndexSettings.VectorFormat.FLOAT);
    }

    private static DocumentRecord record(String id, String pipeline) {
        return new DocumentRecord(id, id.repeat(4), "Title " + id, "", id + ".txt", List.of(id + ".txt"), "text/plain",
                10, null, 1, Instant.parse("2026-01-01T00:00:00Z"), pipeline);
    }

    private static List<EmbeddedChunk> chunks(String text, int dimension) {
        float[] vector = new float[dimension];
        vector[0] = 1;
        return List.of(new EmbeddedChunk(new Chunk(0, null, List.of(), 0, text.length(), text), vector));
    }

    private static void put(ChunkIndex index, String id, String text) {
        index.upsert(record(id, "p1"), chunks(text, 4));
        index.commit();
    }

    private String pointer() throws IOException {
        return Files.readString(dir.resolve("CURRENT"), StandardCharsets.UTF_8).strip();
    }

    @Test
    void startsTheFirstGenerationInAnEmptyFolder() throws IOException {
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            assertThat(index.generation()).isEqualTo("gen-000001");
            assertThat(pointer()).isEqualTo("gen-000001");
            assertThat(index.builtWith()).isEmpty();
            assertThat(index.stats().documents()).isZero();
        }
    }

    @Test
    void switchMovesSearchesToTheNewGenerationWithoutErrorsAndDeletesTheOld() throws Exception {
        // given a serving generation holding one document, and searches running all the time
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            put(index, "aaaaaaaaaaaaaaaa", "the old apple orchard");
            ExecutorService searchers = Executors.newFixedThreadPool(3);
            AtomicBoolean searching = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            AtomicInteger searches = new AtomicInteger();
            for (int i = 0; i < 3; i++) {
                searchers.submit(() -> {
                    while (searching.get()) {
                        try {
                            index.searchText("apple", 5, ChunkFilter.NONE);
                            index.searchVector(new float[] {1, 0, 0, 0}, 5, ChunkFilter.NONE);
                            index.documents();
                            searches.incrementAndGet();
                        } catch (Throwable e) {
                            errors.add(e);
                        }
                    }
                });
            }
            // when the next generation is filled and switched in
            Generation next = index.startNext();
            put(next.index(), "bbbbbbbbbbbbbbbb", "the new apple press");
            index.switchTo(next, "p2");
            Thread.sleep(100);
            searching.set(false);
            searchers.shutdown();
            assertThat(searchers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            // then no search failed, and they see the new generation only
            assertThat(errors).isEmpty();
            assertThat(searches.get()).isPositive();
            assertThat(index.generation()).isEqualTo("gen-000002");
            assertThat(pointer()).isEqualTo("gen-000002");
            assertThat(index.builtWith()).contains("p2");
            assertThat(index.find("bbbbbbbbbbbbbbbb")).isPresent();
            assertThat(index.find("aaaaaaaaaaaaaaaa")).isEmpty();
            assertThat(dir.resolve("gen-000001")).doesNotExist();
        }
    }

    @Test
    void discardingTheNextGenerationLeavesTheServingOne() throws IOException {
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            put(index, "aaaaaaaaaaaaaaaa", "kept text");
            Generation next = index.startNext();
            put(next.index(), "bbbbbbbbbbbbbbbb", "thrown away");

            index.discard(next);

            assertThat(index.generation()).isEqualTo("gen-000001");
            assertThat(pointer()).isEqualTo("gen-000001");
            assertThat(index.find("aaaaaaaaaaaaaaaa")).isPresent();
            assertThat(dir.resolve("gen-000002")).doesNotExist();
            assertThatThrownBy(() -> index.switchTo(next, "p2")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aRestartOpensTheSwitchedGenerationAndRemovesUnfinishedOnes() throws IOException {
        // given a switch, then a rebuild cut short by a stop
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            Generation next = index.startNext();
            put(next.index(), "bbbbbbbbbbbbbbbb", "switched in");
            index.switchTo(next, "p2");
            put(index.startNext().index(), "cccccccccccccccc", "never switched");
        }
        // when the index opens again
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            // then it serves what was switched in, and the unfinished generation is gone
            assertThat(index.generation()).isEqualTo("gen-000002");
            assertThat(index.find("bbbbbbbbbbbbbbbb")).isPresent();
            assertThat(index.builtWith()).contains("p2");
            assertThat(dir.resolve("gen-000003")).doesNotExist();
        }
    }

    @Test
    void anIndexWrittenStraightIntoTheFolderBecomesTheFirstGeneration() throws IOException {
        // given an index as earlier versions wrote it, straight into the folder
        try (LuceneChunkIndex legacy = new LuceneChunkIndex(settings())) {
            put(legacy, "aaaaaaaaaaaaaaaa", "written before generations");
        }
        Files.writeString(dir.resolve(".gitkeep"), "");

        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            assertThat(index.generation()).isEqualTo("gen-000001");
            assertThat(index.find("aaaaaaaaaaaaaaaa")).isPresent();
            assertThat(dir.resolve(".gitkeep")).exists();
            try (var top = Files.list(dir)) {
                assertThat(top.map(path -> path.getFileName().toString()))
                        .containsExactlyInAnyOrder("gen-000001", "CURRENT", ".gitkeep");
            }
        }
    }

    @Test
    void vectorsFromAnotherEncoderAreNeitherSearchedNorMixedIn() throws IOException {
        // given a generation built with 4-dimensional vectors, and an encoder that makes 8
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            put(index, "aaaaaaaaaaaaaaaa", "old vectors here");
            index.vectorsComparable(false);

            // when a document made by the new encoder comes in
            index.upsert(record("bbbbbbbbbbbbbbbb", "p2"), chunks("new words here", 8));
            index.commit(Map.of());

            // then it is found by text, and vector search says it is unavailable rather than answering nothing
            assertThat(index.vectorSearchAvailable()).isFalse();
            assertThat(index.searchText("words", 5, ChunkFilter.NONE)).extracting(hit -> hit.document().id())
                    .containsExactly("bbbbbbbbbbbbbbbb");
            assertThatThrownBy(() -> index.searchVector(new float[] {1, 0, 0, 0}, 5, ChunkFilter.NONE))
                    .isInstanceOf(IndexUnavailableException.class);
        }
    }

    @Test
    void aRebuiltGenerationServesAsOneSegmentWithEveryDocument() throws IOException {
        try (GenerationalChunkIndex index = new GenerationalChunkIndex(settings())) {
            Generation next = index.startNext();
            put(next.index(), "aaaaaaaaaaaaaaaa", "first words"); // a commit each: a segment each
            put(next.index(), "bbbbbbbbbbbbbbbb", "second words");
            put(next.index(), "cccccccccccccccc", "third words");

            index.switchTo(next, "p2");

            assertThat(index.documents()).extracting(DocumentRecord::id)
                    .containsExactlyInAnyOrder("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc");
            assertThat(index.stats().chunks()).isEqualTo(3);
        }
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir.resolve("gen-000002"));
             var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).hasSize(1);
        }
    }
}
