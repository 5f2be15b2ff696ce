package dev.groundwork.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.EncoderTestSupport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneChunkIndexTests {

    private static final Encoder encoder = EncoderTestSupport.sharedEncoder();

    @TempDir
    Path dir;

    private LuceneChunkIndex index;

    @BeforeEach
    void open() {
        index = open(dir);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private static LuceneChunkIndex open(Path dir) {
        return new LuceneChunkIndex(new IndexSettings(dir, Duration.ofMillis(200), 16, 0.5, IndexSettings.VectorFormat.FLOAT));
    }

    private static DocumentRecord record(String id, String title, String contentType, int chunks) {
        return new DocumentRecord(id, (id + "0".repeat(64)).substring(0, 64), title, "", title + ".txt",
                List.of("docs/" + title + ".txt"), contentType, 100, null, chunks, Instant.parse("2026-01-01T00:00:00Z"), "p1");
    }

    private static List<EmbeddedChunk> embedded(String... texts) {
        List<EmbeddedChunk> chunks = new ArrayList<>();
        List<float[]> vectors = encoder.embedAll(List.of(texts));
        for (int i = 0; i < texts.length; i++) {
            chunks.add(new EmbeddedChunk(new Chunk(i, i + 1, List.of("Section"), 0, texts[i].length(), texts[i]), vectors.get(i)));
        }
        return chunks;
    }

    /** Puts a document whose chunks are each led by its title, as the pipeline leads them. */
    private void put(String id, String title, String... texts) {
        List<EmbeddedChunk> chunks = embedded(texts).stream()
                .map(chunk -> new EmbeddedChunk(chunk.chunk(), chunk.vector(), title)).toList();
        index.upsert(record(id, title, "text/plain", texts.length), chunks);
        index.commit();
    }

    @Test
    void findsAnExactSentenceByTextAndAParaphraseByVector() {
        put("a1", "Garden", "Tomatoes need six hours of direct sunlight every day.", "Water the roses in the morning.");
        put("b2", "Finance", "The invoice must be paid within thirty days.", "Late payments incur a fee.");

        List<ChunkHit> exact = index.searchText("The invoice must be paid within thirty days", 5, ChunkFilter.NONE);
        List<ChunkHit> paraphrase = index.searchVector(encoder.embedQuery("how much sun do tomato plants want"), 5, ChunkFilter.NONE);

        assertThat(exact.get(0).chunk().text()).isEqualTo("The invoice must be paid within thirty days.");
        assertThat(exact.get(0).document().title()).isEqualTo("Finance");
        assertThat(paraphrase.get(0).chunk().text()).startsWith("Tomatoes need six hours");
        assertThat(paraphrase.get(0).score()).isBetween(0.3f, 1f);
        assertThat(paraphrase.get(0).chunk().page()).isEqualTo(1);
        assertThat(paraphrase.get(0).chunk().headingPath()).containsExactly("Section");
    }

    @Test
    void aForceMergeKeepsEveryDocumentAndChunkInOneSegment() throws Exception {
        // one commit each: a segment each
        put("a1", "Garden", "Tomatoes need six hours of direct sunlight every day.", "Water the roses in the morning.");
        put("b2", "Finance", "The invoice must be paid within thirty days.", "Late payments incur a fee.");
        put("c3", "Travel", "The train leaves at nine.");
        index.delete("c3");
        index.commit();
        List<DocumentRecord> before = index.documents();
        List<EmbeddedChunk> chunksBefore = index.chunks("a1");

        index.forceMerge(1);

        assertThat(index.documents()).isEqualTo(before);
        assertThat(index.stats().chunks()).isEqualTo(4);
        assertThat(index.chunks("a1")).usingRecursiveFieldByFieldElementComparator().isEqualTo(chunksBefore);
        assertThat(index.searchVector(encoder.embedQuery("how much sun do tomato plants want"), 1, ChunkFilter.NONE)
                .get(0).chunk().text()).startsWith("Tomatoes need six hours");
        index.close();
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir);
             var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
            assertThat(reader.leaves()).hasSize(1); // committed as one segment
            assertThat(reader.numDeletedDocs()).isZero();
        }
        index = open(dir);
        assertThat(index.documents()).isEqualTo(before);
    }

    @Test
    void hitsCarryTheRecordAsItIsAfterEveryWrite() {
        put("a1", "Garden", "Tomatoes need six hours of direct sunlight every day.");
        assertThat(index.searchText("tomatoes", 5, ChunkFilter.NONE).get(0).document().title()).isEqualTo("Garden");

        index.updateRecord(record("a1", "Vegetable garden", "text/plain", 1));
        index.commit();

        assertThat(index.searchText("tomatoes", 5, ChunkFilter.NONE).get(0).document().title())
                .isEqualTo("Vegetable garden");
        assertThat(index.searchVector(encoder.embedQuery("sunlight for tomatoes"), 5, ChunkFilter.NONE).get(0)
                .document().title()).isEqualTo("Vegetable garden");
    }

    @Test
    void upsertReplacesAllChunksOfADocument() {
        put("a1", "Notes", "old first", "old second", "old third");

        put("a1", "Notes", "new only");

        assertThat(index.stats()).isEqualTo(new IndexStats(1, 1, dir.toAbsolutePath().normalize().toString()));
        assertThat(index.chunks("a1")).extracting(c -> c.chunk().text()).containsExactly("new only");
        assertThat(index.searchText("old", 10, ChunkFilter.NONE)).isEmpty();
    }

    @Test
    void upsertCanReplaceAnotherDocumentInTheSameStep() {
        put("old1", "Report", "version one of the report");

        index.upsert(record("new2", "Report", "text/plain", 1), embedded("version two of the report"), List.of("old1"));
        index.commit();

        assertThat(index.documents()).extracting(DocumentRecord::id).containsExactly("new2");
        assertThat(index.stats().chunks()).isEqualTo(1);
    }

    @Test
    void readersNeverSeeAHalfReplacedDocument() throws Exception {
        String[] five = {"one alpha", "two alpha", "three alpha", "four alpha", "five alpha"};
        put("doc", "Doc", five);
        List<EmbeddedChunk> version = embedded(five);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = executor.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    index.upsert(record("doc", "Doc", "text/plain", 5), version);
                    if (i % 10 == 0) {
                        index.commit();
                    }
                }
                writing.set(false);
                return null;
            });
            Future<List<Integer>> reader = executor.submit(() -> {
                List<Integer> counts = new ArrayList<>();
                while (writing.get()) {
                    counts.add(index.searchText("alpha", 50, ChunkFilter.NONE).size());
                }
                return counts;
            });
            writer.get(60, TimeUnit.SECONDS);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isNotEmpty().containsOnly(5);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void deleteRemovesRecordAndChunks() {
        put("a1", "Keep", "keep this text");
        put("b2", "Drop", "drop this text");

        assertThat(index.delete("b2")).isTrue();
        assertThat(index.delete("nope")).isFalse();
        index.commit();

        assertThat(index.documents()).extracting(DocumentRecord::id).containsExactly("a1");
        assertThat(index.searchText("text", 10, ChunkFilter.NONE)).extracting(h -> h.document().id()).containsOnly("a1");
    }

    @Test
    void filtersByDocumentAndContentType() {
        index.upsert(record("a1", "One", "text/plain", 1), embedded("shared words here"));
        index.upsert(record("b2", "Two", "application/pdf", 1), embedded("shared words there"));
        index.commit();

        assertThat(index.searchText("shared words", 10, new ChunkFilter(Set.of("b2"), Set.of())))
                .extracting(h -> h.document().id()).containsExactly("b2");
        assertThat(index.searchVector(encoder.embedQuery("shared words"), 10, new ChunkFilter(Set.of(), Set.of("text/plain"))))
                .extracting(h -> h.document().id()).containsExactly("a1");
    }

    @Test
    void theContextHelpsFindAChunkThatNeverNamesItsDocument() {
        put("h1", "Zephyrine Employee Handbook", "Staff get twenty-five days of leave.");
        put("o2", "Other Policy", "Staff get a laptop.");

        List<ChunkHit> hits = index.searchText("Zephyrine staff", 5, ChunkFilter.NONE);

        assertThat(hits.get(0).document().id()).isEqualTo("h1");
    }

    @Test
    void storedVectorsComeBackWithTheirChunks() {
        List<EmbeddedChunk> chunks = embedded("first passage", "second passage").stream()
                .map(chunk -> new EmbeddedChunk(chunk.chunk(), chunk.vector(), "Vectors > Section")).toList();
        index.upsert(record("v1", "Vectors", "text/plain", 2), chunks);
        index.commit();

        List<EmbeddedChunk> stored = index.chunks("v1");

        assertThat(stored).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(stored.get(i).chunk()).isEqualTo(chunks.get(i).chunk());
            assertThat(stored.get(i).vector()).containsExactly(chunks.get(i).vector());
            assertThat(stored.get(i).context()).isEqualTo(chunks.get(i).context());
        }
    }

    @Test
    void updateRecordChangesPathsAndKeepsChunks() {
        put("m1", "Moved", "some content");
        DocumentRecord moved = index.find("m1").orElseThrow().withPaths(List.of("new/place.txt"), "place.txt");

        index.updateRecord(moved);
        index.commit();

        assertThat(index.find("m1").orElseThrow().paths()).containsExactly("new/place.txt");
        assertThat(index.chunks("m1")).hasSize(1);
        assertThat(index.searchText("content", 5, ChunkFilter.NONE).get(0).document().fileName()).isEqualTo("place.txt");
    }

    @Test
    void everythingCommittedSurvivesARestartWithItsUserData() throws Exception {
        put("r1", "Restart", "durable text");
        index.commit(Map.of("pipeline", "p1"));
        index.close();

        index = open(dir);

        assertThat(index.find("r1")).isPresent();
        assertThat(index.searchText("durable", 5, ChunkFilter.NONE)).hasSize(1);
        assertThat(index.committedUserData()).containsEntry("pipeline", "p1");
    }

    @Test
    void writesBecomeVisibleToSearchesWithoutACommitWithinTheRefreshInterval() {
        index.upsert(record("n1", "Near real time", "text/plain", 1), embedded("visible soon"));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> !index.searchText("visible", 5, ChunkFilter.NONE).isEmpty());
    }
}
