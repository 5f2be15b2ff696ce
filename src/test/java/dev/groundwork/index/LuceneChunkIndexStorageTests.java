package dev.groundwork.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index on a disk that fills up, simulated by a directory whose writes fail with the error a full disk
 * gives (a real full file system is exercised by DiskFullIntegrationTests where it can be mounted).
 */
class LuceneChunkIndexStorageTests {

    @TempDir
    Path dir;

    private final AtomicBoolean full = new AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong bytesLeft = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
    private final List<LuceneChunkIndex> opened = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (LuceneChunkIndex index : opened) {
            index.close();
        }
    }

    private LuceneChunkIndex open() {
        IndexSettings settings = new IndexSettings(dir.resolve("index"), Duration.ofSeconds(1), 16, 0.5, IndexSettings.VectorFormat.FLOAT);
        LuceneChunkIndex index = new LuceneChunkIndex(settings, path -> new FillingDirectory(FSDirectory.open(path), full, bytesLeft));
        opened.add(index);
        return index;
    }

    private static DocumentRecord record(String id, int chunks) {
        return new DocumentRecord(id, "0".repeat(48) + id, "Title " + id, "", id + ".txt", List.of("uploads/" + id + ".txt"),
                "text/plain", 10, null, chunks, Instant.parse("2026-01-01T00:00:00Z"), "test");
    }

    private static List<EmbeddedChunk> chunks(String word, int count) {
        List<EmbeddedChunk> chunks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = word + " passage number " + i;
            float[] vector = new float[8];
            vector[i % 8] = 1;
            chunks.add(new EmbeddedChunk(new Chunk(i, null, List.of(), 0, text.length(), text), vector));
        }
        return chunks;
    }

    @Test
    void aFullDiskFailsTheWriteWithStorageFullAndKeepsWhatWasCommitted() {
        LuceneChunkIndex index = open();
        index.upsert(record("0000000000000001", 3), chunks("apricot", 3));
        index.commit();

        full.set(true);
        assertThatThrownBy(() -> {
            index.upsert(record("0000000000000002", 3), chunks("blueberry", 3));
            index.commit();
        }).isInstanceOf(StorageFullException.class).hasMessageContaining("disk holding the index is full");

        assertThat(index.searchText("apricot", 10, ChunkFilter.NONE)).hasSize(3);
        assertThat(index.searchText("blueberry", 10, ChunkFilter.NONE)).as("uncommitted changes are discarded").isEmpty();
        assertThat(index.find("0000000000000002")).isEmpty();
        assertThat(index.stats().documents()).isEqualTo(1);
    }

    @Test
    void writesWorkAgainOnceSpaceIsFreedWithoutReopeningTheIndex() {
        LuceneChunkIndex index = open();
        index.upsert(record("0000000000000002", 2), chunks("blueberry", 2));
        full.set(true);
        assertThatThrownBy(index::commit).isInstanceOf(StorageFullException.class);
        assertThatThrownBy(() -> {
            index.upsert(record("0000000000000003", 2), chunks("cherry", 2));
            index.commit();
        }).isInstanceOf(StorageFullException.class);

        full.set(false);
        index.upsert(record("0000000000000003", 2), chunks("cherry", 2));
        index.commit();

        assertThat(index.searchText("cherry", 10, ChunkFilter.NONE)).hasSize(2);
        assertThat(index.searchText("blueberry", 10, ChunkFilter.NONE)).isEmpty();
    }

    @Test
    void aDocumentWrittenToAFullDiskIsNeverHalfIndexed() {
        LuceneChunkIndex index = open();
        List<EmbeddedChunk> many = chunks("durian " + "filler ".repeat(200), 2000);
        // Lucene writes stored fields as documents come: the disk fills up halfway through this document.
        bytesLeft.set(200_000);
        assertThatThrownBy(() -> {
            index.upsert(record("0000000000000004", many.size()), many);
            index.commit();
        }).isInstanceOf(StorageFullException.class);
        bytesLeft.set(Long.MAX_VALUE);
        index.upsert(record("0000000000000005", 1), chunks("elderberry", 1));
        index.commit();

        assertThat(index.find("0000000000000004")).isEmpty();
        assertThat(index.searchText("durian", 10, ChunkFilter.NONE)).isEmpty();
        assertThat(index.stats().chunks()).isEqualTo(1);
    }

    @Test
    void aCommitAfterSomeoneElsesFailureRefusesRatherThanLosingItsChangesSilently() throws Exception {
        LuceneChunkIndex index = open();
        index.upsert(record("0000000000000007", 1), chunks("grape", 1));
        // another thread's commit fails and discards everything not yet committed, this thread's upsert too
        full.set(true);
        Thread failing = new Thread(() -> {
            try {
                index.commit();
            } catch (StorageFullException expected) {
                // the failure the test is about
            }
        });
        failing.start();
        failing.join();
        full.set(false);

        assertThatThrownBy(index::commit).isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("discarded");
        assertThat(index.find("0000000000000007")).isEmpty();
    }

    @Test
    void theIndexReopensWithEverythingCommittedBeforeTheDiskFilledUp() throws IOException {
        LuceneChunkIndex index = open();
        index.upsert(record("0000000000000001", 3), chunks("apricot", 3));
        index.commit();
        index.upsert(record("0000000000000002", 3), chunks("blueberry", 3));
        full.set(true);
        assertThatThrownBy(index::commit).isInstanceOf(StorageFullException.class);
        index.close();
        opened.remove(index);
        full.set(false);

        LuceneChunkIndex reopened = open();

        assertThat(reopened.stats().documents()).isEqualTo(1);
        assertThat(reopened.searchText("apricot", 10, ChunkFilter.NONE)).hasSize(3);
    }

    /**
     * A directory that fails like a full disk: no new file and no sync while {@code full} is set, and no byte
     * written past {@code bytesLeft}.
     */
    private static final class FillingDirectory extends FilterDirectory {
        private final AtomicBoolean full;
        private final java.util.concurrent.atomic.AtomicLong bytesLeft;

        FillingDirectory(Directory in, AtomicBoolean full, java.util.concurrent.atomic.AtomicLong bytesLeft) {
            super(in);
            this.full = full;
            this.bytesLeft = bytesLeft;
        }

        @Override
        public IndexOutput createOutput(String name, IOContext context) throws IOException {
            failIfFull();
            return new FillingOutput(super.createOutput(name, context));
        }

        @Override
        public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
            failIfFull();
            return new FillingOutput(super.createTempOutput(prefix, suffix, context));
        }

        private final class FillingOutput extends org.apache.lucene.store.FilterIndexOutput {
            FillingOutput(IndexOutput out) {
                super("filling " + out, out.getName(), out);
            }

            @Override
            public void writeByte(byte b) throws IOException {
                take(1);
                out.writeByte(b);
            }

            @Override
            public void writeBytes(byte[] b, int offset, int length) throws IOException {
                take(length);
                out.writeBytes(b, offset, length);
            }

            private void take(long bytes) throws IOException {
                if (bytesLeft.addAndGet(-bytes) < 0) {
                    throw new IOException("No space left on device");
                }
            }
        }

        @Override
        public void sync(java.util.Collection<String> names) throws IOException {
            failIfFull();
            super.sync(names);
        }

        private void failIfFull() throws IOException {
            if (full.get()) {
                throw new IOException("No space left on device");
            }
        }
    }
}
