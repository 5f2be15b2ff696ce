package dev.groundwork.index;

import java.nio.file.Path;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Lucene index keeps the {@link ChunkStore} contract. */
class LuceneChunkStoreTests extends ChunkStoreContract {

    @TempDir
    Path dir;

    private final Map<ChunkStore, Path> places = new IdentityHashMap<>();

    static LuceneChunkIndex open(Path dir) {
        return new LuceneChunkIndex(new IndexSettings(dir, Duration.ofSeconds(1), 16, 0.5, IndexSettings.VectorFormat.FLOAT));
    }

    @Override
    protected ChunkStore newStore() {
        Path place = dir.resolve(UUID.randomUUID().toString());
        LuceneChunkIndex index = open(place);
        places.put(index, place);
        return index;
    }

    @Override
    protected ChunkStore reopen(ChunkStore store) throws Exception {
        Path place = places.remove(store);
        ((LuceneChunkIndex) store).close();
        LuceneChunkIndex reopened = open(place);
        places.put(reopened, place);
        return reopened;
    }

    @Override
    protected void close(ChunkStore store) throws Exception {
        ((LuceneChunkIndex) store).close();
    }
}
