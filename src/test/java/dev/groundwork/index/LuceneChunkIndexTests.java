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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Lucene index does beyond the roles' contracts ({@link LuceneChunkStoreTests}, {@link LuceneChunkSearchTests}):
 * merging, commit data, stored vectors, refreshes, and searches with the real encoder's vectors.
 */
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
    void theDataOfACommitIsKeptWithItAcrossARestart() throws Exception {
        put("r1", "Restart", "durable text");
        index.commit(Map.of("pipeline", "p1"));
        index.close();

        index = open(dir);

        assertThat(index.committedUserData()).containsEntry("pipeline", "p1").containsKey("committedAt");
        assertThat(index.find("r1")).isPresent();
    }

    @Test
    void writesNotYetCommittedBecomeVisibleToSearchesAtARefresh() {
        index.upsert(record("n1", "Near real time", "text/plain", 1), embedded("visible soon"));
        assertThat(index.searchText("visible", 5, ChunkFilter.NONE)).as("not refreshed yet").isEmpty();

        index.refresh();

        assertThat(index.searchText("visible", 5, ChunkFilter.NONE)).hasSize(1);
    }

    @Test
    void anIndexWhoseVectorsDoNotCompareTakesChunksWithoutVectors() {
        index.vectorsComparable(false);
        index.upsert(record("t1", "Text only", "text/plain", 1), embedded("kept as text"));
        index.commit();
        index.vectorsComparable(true);

        assertThat(index.searchText("kept", 5, ChunkFilter.NONE)).hasSize(1);
        assertThat(index.searchVector(encoder.embedQuery("kept as text"), 5, ChunkFilter.NONE))
                .as("the chunk went in without its vector").isEmpty();
    }
}
