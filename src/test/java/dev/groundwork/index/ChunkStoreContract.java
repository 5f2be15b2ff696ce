package dev.groundwork.index;

import static dev.groundwork.index.IndexFixtures.chunks;
import static dev.groundwork.index.IndexFixtures.document;
import static dev.groundwork.index.IndexFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the {@link ChunkStore} role does. An index backend proves it by extending this class
 * with how to open (and reopen) one of its stores; nothing here knows how a backend keeps its data.
 */
public abstract class ChunkStoreContract {

    private final List<ChunkStore> opened = new ArrayList<>();

    /** A new, empty store of the implementation under test. */
    protected abstract ChunkStore newStore();

    /** Closes a store and opens it again at the same place, as a restart of the service would. */
    protected abstract ChunkStore reopen(ChunkStore store) throws Exception;

    /** Closes a store the contract opened. */
    protected abstract void close(ChunkStore store) throws Exception;

    private ChunkStore store() {
        ChunkStore store = newStore();
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() throws Exception {
        for (ChunkStore store : opened) {
            close(store);
        }
    }

    @Test
    void aCommittedDocumentIsFoundAsItWasWritten() {
        ChunkStore store = store();

        DocumentRecord written = put(store, "a1", "Garden", "Tomatoes need sun.", "Roses need water.");

        assertThat(store.find("a1")).contains(written);
        assertThat(store.documents()).containsExactly(written);
    }

    @Test
    void aRecordWithoutChunksIsKeptFoundAndDeletedLikeAnyOther() {
        // an archive's or a mailbox's own record: it holds no passages, its members are documents of their own
        ChunkStore store = store();
        DocumentRecord archive = document("z9", "Archive", "application/zip", 0);
        store.upsert(archive, List.of());
        DocumentRecord member = put(store, "a1", "Garden", "Tomatoes need sun.");

        assertThat(store.find("z9")).contains(archive);
        assertThat(store.documents()).containsExactlyInAnyOrder(archive, member);
        assertThat(store.stats().chunks()).isEqualTo(1);

        DocumentRecord moved = archive.withPaths(List.of("docs/renamed.zip"), "renamed.zip");
        store.updateRecord(moved);
        store.commit();
        assertThat(store.find("z9")).contains(moved);

        assertThat(store.delete("z9")).isTrue();
        store.commit();
        assertThat(store.find("z9")).isEmpty();
        assertThat(store.documents()).containsExactly(member);
    }

    @Test
    void anUnknownDocumentIsNotFound() {
        ChunkStore store = store();
        put(store, "a1", "Garden", "Tomatoes need sun.");

        assertThat(store.find("zz")).isEmpty();
    }

    @Test
    void documentsAreListedNewestFirstThenById() {
        ChunkStore store = store();
        Instant early = Instant.parse("2026-01-01T00:00:00Z");
        Instant late = Instant.parse("2026-02-01T00:00:00Z");
        store.upsert(document("b2", "Two", "text/plain", 1, early), chunks("two"));
        store.upsert(document("a1", "One", "text/plain", 1, early), chunks("one"));
        store.upsert(document("c3", "Three", "text/plain", 1, late), chunks("three"));
        store.commit();

        assertThat(store.documents()).extracting(DocumentRecord::id).containsExactly("c3", "a1", "b2");
    }

    @Test
    void statsCountTheDocumentsAndTheirChunks() {
        ChunkStore store = store();
        put(store, "a1", "One", "first", "second", "third");
        put(store, "b2", "Two", "only");

        IndexStats stats = store.stats();

        assertThat(stats.documents()).isEqualTo(2);
        assertThat(stats.chunks()).isEqualTo(4);
    }

    @Test
    void anUpsertReplacesEveryChunkOfTheEarlierVersion() {
        ChunkStore store = store();
        put(store, "a1", "Notes", "old first", "old second", "old third");

        DocumentRecord newer = put(store, "a1", "Notes, revised", "new only");

        assertThat(store.find("a1")).contains(newer);
        assertThat(store.stats().documents()).isEqualTo(1);
        assertThat(store.stats().chunks()).isEqualTo(1);
    }

    @Test
    void anUpsertReplacesTheDocumentsItNamesInTheSameStep() {
        ChunkStore store = store();
        put(store, "old1", "Report", "version one of the report");
        put(store, "keep", "Other", "another document");

        store.upsert(document("new2", "Report", "text/plain", 1), chunks("version two of the report"), List.of("old1"));
        store.commit();

        assertThat(store.documents()).extracting(DocumentRecord::id).containsExactlyInAnyOrder("new2", "keep");
        assertThat(store.stats().chunks()).isEqualTo(2);
    }

    @Test
    void updatingTheRecordChangesPathsAndKeepsTheChunks() {
        ChunkStore store = store();
        DocumentRecord written = put(store, "m1", "Moved", "some content", "more content");
        DocumentRecord moved = written.withPaths(List.of("new/place.txt", "copy/place.txt"), "place.txt");

        store.updateRecord(moved);
        store.commit();

        assertThat(store.find("m1")).contains(moved);
        assertThat(store.stats().chunks()).isEqualTo(2);
    }

    @Test
    void deleteRemovesTheDocumentWithItsChunksAndSaysWhetherItWasThere() {
        ChunkStore store = store();
        put(store, "a1", "Keep", "keep this text");
        put(store, "b2", "Drop", "drop this text", "and this");

        boolean removed = store.delete("b2");
        boolean absent = store.delete("nope");
        store.commit();

        assertThat(removed).isTrue();
        assertThat(absent).isFalse();
        assertThat(store.documents()).extracting(DocumentRecord::id).containsExactly("a1");
        assertThat(store.stats().chunks()).isEqualTo(1);
    }

    @Test
    void whatIsCommittedSurvivesAReopen() throws Exception {
        ChunkStore store = store();
        DocumentRecord kept = put(store, "r1", "Restart", "durable text", "more durable text");
        put(store, "r2", "Gone", "deleted before the restart");
        store.delete("r2");
        store.commit();

        ChunkStore reopened = reopen(store);
        opened.set(opened.indexOf(store), reopened);

        assertThat(reopened.find("r1")).contains(kept);
        assertThat(reopened.find("r2")).isEmpty();
        assertThat(reopened.stats().chunks()).isEqualTo(2);
    }
}
