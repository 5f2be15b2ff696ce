package dev.groundwork.index;

import static dev.groundwork.index.IndexFixtures.chunk;
import static dev.groundwork.index.IndexFixtures.chunks;
import static dev.groundwork.index.IndexFixtures.document;
import static dev.groundwork.index.IndexFixtures.put;
import static dev.groundwork.index.IndexFixtures.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link ChunkSearch} role does, over chunks written through its {@link ChunkStore}
 * role. An index backend proves it by extending this class with how to open one of its indexes; nothing here knows how
 * a backend ranks beyond what the role promises (BM25 over text and context, cosine over vectors).
 */
public abstract class ChunkSearchContract {

    private final List<ChunkIndex> opened = new ArrayList<>();

    /** A new, empty index of the implementation under test. */
    protected abstract ChunkIndex newIndex();

    /** Closes an index the contract opened. */
    protected abstract void close(ChunkIndex index) throws Exception;

    private ChunkIndex index() {
        ChunkIndex index = newIndex();
        opened.add(index);
        return index;
    }

    @AfterEach
    void closeIndexes() throws Exception {
        for (ChunkIndex index : opened) {
            close(index);
        }
    }

    private static List<String> ids(List<ChunkHit> hits) {
        return hits.stream().map(hit -> hit.document().id()).toList();
    }

    @Test
    void textSearchFindsChunksByTheirWordsTheBestMatchFirst() {
        ChunkIndex index = index();
        put(index, "a1", "Garden", "Tomatoes need six hours of direct sunlight.", "Water the roses in the morning.");
        put(index, "b2", "Finance", "The invoice must be paid within thirty days.", "Late payments incur a fee.");

        List<ChunkHit> hits = index.searchText("the invoice must be paid within thirty days", 5, ChunkFilter.NONE);

        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).chunk().text()).isEqualTo("The invoice must be paid within thirty days.");
        assertThat(hits.get(0).document().id()).isEqualTo("b2");
        assertThat(hits).extracting(ChunkHit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void textSearchAlsoFindsAChunkByItsContextWeightedBelowItsText() {
        ChunkIndex index = index();
        index.upsert(document("h1", "Zephyrine handbook", "text/plain", 1),
                List.of(chunk(0, "Staff get twenty-five days of leave.", "Zephyrine Employee Handbook", 1, 0)));
        index.upsert(document("t2", "Notes", "text/plain", 1),
                List.of(chunk(0, "Zephyrine staff get a laptop.", "Notes", 0, 1)));
        index.upsert(document("o3", "Other", "text/plain", 1),
                List.of(chunk(0, "Contractors get a desk.", "Other Policy", 0, 0, 1)));
        index.commit();

        List<ChunkHit> hits = index.searchText("zephyrine", 5, ChunkFilter.NONE);

        assertThat(ids(hits)).containsExactly("t2", "h1");
    }

    @Test
    void aMovedDocumentIsStillFoundByItsContextAndKeepsWhatItIsAbout() {
        ChunkIndex index = index();
        DocumentRecord written = document("h1", "Handbook", "text/plain", 1);
        index.upsert(written, List.of(chunk(0, "Staff get twenty-five days of leave.", "Quillfeather Handbook", 1, 0)));
        index.commit();
        DocumentRecord moved = written.withPaths(List.of("archive/h1.txt"), "h1.txt");

        index.updateRecord(moved);
        index.commit();

        List<ChunkHit> hits = index.searchText("quillfeather", 5, ChunkFilter.NONE);
        assertThat(hits).extracting(hit -> hit.chunk().text()).containsExactly("Staff get twenty-five days of leave.");
        assertThat(hits.get(0).document()).isEqualTo(moved);
        assertThat(hits.get(0).document().about()).isEqualTo("notes kept as h1.txt");
    }

    @Test
    void anyTextIsAQueryAndOneWithoutSearchableWordsFindsNothing() {
        ChunkIndex index = index();
        put(index, "a1", "Symbols", "Brackets and colons appear in this text: (a AND b).");

        assertThat(index.searchText("?! ... --", 5, ChunkFilter.NONE)).isEmpty();
        assertThatCode(() -> index.searchText("text:(a AND \"b [c} ~ ^ \\", 5, ChunkFilter.NONE))
                .doesNotThrowAnyException();
        assertThat(ids(index.searchText("colons) AND (brackets", 5, ChunkFilter.NONE))).containsExactly("a1");
    }

    @Test
    void searchesReturnAtMostTheLimit() {
        ChunkIndex index = index();
        put(index, "a1", "Many", "apple one", "apple two", "apple three", "apple four");

        assertThat(index.searchText("apple", 2, ChunkFilter.NONE)).hasSize(2);
        assertThat(index.searchVector(unit(1, 0, 0, 0), 3, ChunkFilter.NONE)).hasSize(3);
    }

    @Test
    void vectorSearchFindsTheNearestChunksScoredByTheirCosine() {
        ChunkIndex index = index();
        index.upsert(document("v1", "Vectors", "text/plain", 3), List.of(
                chunk(0, "along x", "", 1, 0, 0, 0),
                chunk(1, "mostly x", "", 1, 1, 0, 0),
                chunk(2, "along z", "", 0, 0, 1, 0)));
        index.commit();

        List<ChunkHit> hits = index.searchVector(unit(1, 0.1, 0, 0), 3, ChunkFilter.NONE);

        assertThat(hits).extracting(hit -> hit.chunk().text()).containsExactly("along x", "mostly x", "along z");
        assertThat(hits.get(0).score()).isCloseTo((float) (1 / Math.sqrt(1.01)), within(0.01f));
        assertThat(hits.get(1).score()).isCloseTo((float) (1.1 / Math.sqrt(2 * 1.01)), within(0.01f));
        assertThat(hits.get(2).score()).isCloseTo(0f, within(0.01f));
    }

    @Test
    void searchesKeepToTheDocumentsAndContentTypesOfTheFilter() {
        ChunkIndex index = index();
        index.upsert(document("a1", "One", "text/plain", 1), List.of(chunk(0, "shared words here", "", 1, 0)));
        index.upsert(document("b2", "Two", "application/pdf", 1), List.of(chunk(0, "shared words there", "", 1, 0.1)));
        index.upsert(document("c3", "Three", "application/pdf", 1), List.of(chunk(0, "shared words elsewhere", "", 1, 0.2)));
        index.commit();
        ChunkFilter onlyB = new ChunkFilter(Set.of("b2"), Set.of());
        ChunkFilter plainText = new ChunkFilter(Set.of(), Set.of("text/plain"));
        ChunkFilter pdfAmongOneAndTwo = new ChunkFilter(Set.of("a1", "b2"), Set.of("application/pdf"));

        assertThat(ids(index.searchText("shared words", 10, onlyB))).containsExactly("b2");
        assertThat(ids(index.searchVector(unit(1, 0), 10, onlyB))).containsExactly("b2");
        assertThat(ids(index.searchText("shared words", 10, plainText))).containsExactly("a1");
        assertThat(ids(index.searchVector(unit(1, 0), 10, plainText))).containsExactly("a1");
        assertThat(ids(index.searchText("shared words", 10, pdfAmongOneAndTwo))).containsExactly("b2");
        assertThat(ids(index.searchVector(unit(1, 0), 10, pdfAmongOneAndTwo))).containsExactly("b2");
    }

    @Test
    void hitsCarryTheirChunkAndTheRecordOfTheirDocumentAsItIsNow() {
        ChunkIndex index = index();
        EmbeddedChunk written = chunk(2, "Tomatoes need six hours of direct sunlight.", "Garden > Section", 1, 0);
        index.upsert(document("a1", "Garden", "text/plain", 1), List.of(written));
        index.commit();
        DocumentRecord renamed = index.find("a1").orElseThrow().withPaths(List.of("beds/veg.txt"), "veg.txt");

        index.updateRecord(renamed);
        index.commit();

        for (ChunkHit hit : List.of(index.searchText("tomatoes", 5, ChunkFilter.NONE).get(0),
                index.searchVector(unit(1, 0), 5, ChunkFilter.NONE).get(0))) {
            assertThat(hit.chunk()).isEqualTo(written.chunk());
            assertThat(hit.document()).isEqualTo(renamed);
        }
    }

    @Test
    void aScannedPassageKeepsItsOcrConfidenceAndItsDocumentThePagesOcrReadAndFailed() {
        ChunkIndex index = index();
        DocumentRecord plain = document("s1", "Scan", "application/pdf", 2);
        DocumentRecord scan = new DocumentRecord(plain.id(), plain.sha256(), plain.title(), plain.about(), plain.fileName(),
                plain.paths(), plain.contentType(), plain.sizeBytes(), 3, 2, plain.addedAt(), "p1+ocr:auto:eng", null, 2,
                List.of(3));
        EmbeddedChunk scanned = new EmbeddedChunk(new Chunk(0, 1, List.of(), 0, 30, "Spare keys hang in the office.",
                87.5f), unit(1, 0), "Scan");
        EmbeddedChunk typed = chunk(1, "The office opens at nine.", "Scan", 0, 1);
        index.upsert(scan, List.of(scanned, typed));
        index.commit();
        DocumentRecord moved = index.find("s1").orElseThrow().withPaths(List.of("scans/s1.pdf"), "s1.pdf");
        index.updateRecord(moved);
        index.commit();

        ChunkHit keys = index.searchText("spare keys", 5, ChunkFilter.NONE).get(0);
        ChunkHit opens = index.searchVector(unit(0, 1), 5, ChunkFilter.NONE).get(0);

        assertThat(keys.chunk()).isEqualTo(scanned.chunk());
        assertThat(keys.chunk().scanned()).isTrue();
        assertThat(opens.chunk()).isEqualTo(typed.chunk());
        assertThat(opens.chunk().ocrConfidence()).isNull();
        assertThat(keys.document().ocrPages()).isEqualTo(2);
        assertThat(keys.document().ocrFailedPages()).containsExactly(3);
        assertThat(index.find("s1").orElseThrow().ocrPages()).isEqualTo(2);
        assertThat(index.find("s1").orElseThrow().paths()).containsExactly("scans/s1.pdf");
    }

    @Test
    void searchesSeeWhatIsCommittedAndNothingOfADeletedDocument() {
        ChunkIndex index = index();
        put(index, "a1", "Keep", "lighthouse keeper");
        put(index, "b2", "Drop", "lighthouse lamp");

        index.delete("b2");
        index.commit();

        assertThat(ids(index.searchText("lighthouse", 10, ChunkFilter.NONE))).containsExactly("a1");
        assertThat(ids(index.searchVector(unit(1, 0), 10, ChunkFilter.NONE))).containsExactly("a1");
    }

    @Test
    void aReplacedDocumentIsSeenWholeOldOrWholeNewNeverHalfOfEach() throws Exception {
        ChunkIndex index = index();
        String[] five = {"one alpha", "two alpha", "three alpha", "four alpha", "five alpha"};
        put(index, "doc", "Doc", five);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = threads.submit(() -> {
                try {
                    for (int i = 0; i < 50; i++) {
                        index.upsert(document("doc", "Doc", "text/plain", 5), chunks(five));
                        if (i % 10 == 0) {
                            index.commit();
                        }
                    }
                    index.commit();
                } finally {
                    writing.set(false);
                }
                return null;
            });
            Future<List<Integer>> reader = threads.submit(() -> {
                List<Integer> counts = new ArrayList<>();
                do {
                    counts.add(index.searchText("alpha", 50, ChunkFilter.NONE).size());
                } while (writing.get());
                return counts;
            });
            writer.get(60, TimeUnit.SECONDS);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isNotEmpty().containsOnly(5);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theVectorsOfANewIndexAreComparable() {
        assertThat(index().vectorsComparable()).isTrue();
    }
}
