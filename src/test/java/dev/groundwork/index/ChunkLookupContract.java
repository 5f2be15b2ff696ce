package dev.groundwork.index;

import static dev.groundwork.index.IndexFixtures.chunks;
import static dev.groundwork.index.IndexFixtures.document;
import static dev.groundwork.index.IndexFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link ChunkLookup} role does, over chunks written through its {@link ChunkStore}
 * role. An index backend proves it by extending this class with how to open one of its indexes.
 */
public abstract class ChunkLookupContract {

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

    @Test
    void readsBackTheChunkASearchFoundByItsDocumentAndOrdinal() {
        ChunkIndex index = index();
        DocumentRecord finance = put(index, "b2", "Finance", "Invoices are kept ten years.",
                "Late payments incur a fee.", "Receipts go to the ledger.");
        put(index, "a1", "Garden", "Water the roses in the morning.", "Late frost harms tomatoes.");
        ChunkHit found = index.searchText("late payments fee", 1, ChunkFilter.NONE).get(0);

        Optional<ChunkHit> lookedUp = index.chunk(found.document().id(), found.chunk().ordinal());

        assertThat(lookedUp).isPresent();
        assertThat(lookedUp.get().chunk()).isEqualTo(found.chunk());
        assertThat(lookedUp.get().chunk().text()).isEqualTo("Late payments incur a fee.");
        assertThat(lookedUp.get().document()).isEqualTo(finance);
        assertThat(index.chunk("b2", 2).map(hit -> hit.chunk().text())).contains("Receipts go to the ledger.");
        assertThat(index.chunk("a1", 0).map(hit -> hit.chunk().text())).contains("Water the roses in the morning.");
    }

    @Test
    void findsNothingForAnUnknownDocumentOrOrdinal() {
        ChunkIndex index = index();
        put(index, "b2", "Finance", "Invoices are kept ten years.", "Late payments incur a fee.");

        assertThat(index.chunk("zz", 0)).isEmpty();
        assertThat(index.chunk("b2", 2)).isEmpty();
        assertThat(index.chunk("b2", -1)).isEmpty();
    }

    @Test
    void seesTheNewVersionOfAReplacedDocumentAndNothingOfADeletedOne() {
        ChunkIndex index = index();
        put(index, "b2", "Finance", "Invoices are kept ten years.", "Late payments incur a fee.");
        index.upsert(document("b2", "Finance", "text/plain", 1), chunks("Invoices are kept seven years."));
        index.commit();

        assertThat(index.chunk("b2", 0).map(hit -> hit.chunk().text())).contains("Invoices are kept seven years.");
        assertThat(index.chunk("b2", 1)).isEmpty();

        index.delete("b2");
        index.commit();
        assertThat(index.chunk("b2", 0)).isEmpty();
    }

    @Test
    void readsEveryPassageOfADocumentInOrderAndNoneOfAnother() {
        ChunkIndex index = index();
        put(index, "b2", "Finance", "Invoices are kept ten years.", "Late payments incur a fee.",
                "Receipts go to the ledger.");
        put(index, "a1", "Garden", "Water the roses in the morning.");

        List<Chunk> passages = index.passages("b2");

        assertThat(passages).extracting(Chunk::text).containsExactly("Invoices are kept ten years.",
                "Late payments incur a fee.", "Receipts go to the ledger.");
        assertThat(passages).extracting(Chunk::ordinal).containsExactly(0, 1, 2);
        assertThat(index.passages("zz")).isEmpty();
        index.delete("b2");
        index.commit();
        assertThat(index.passages("b2")).isEmpty();
    }
}
