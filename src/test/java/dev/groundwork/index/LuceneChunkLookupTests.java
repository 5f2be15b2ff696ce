package dev.groundwork.index;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Lucene index keeps the {@link ChunkLookup} contract. */
class LuceneChunkLookupTests extends ChunkLookupContract {

    @TempDir
    Path dir;

    @Override
    protected ChunkIndex newIndex() {
        return LuceneChunkStoreTests.open(dir.resolve(UUID.randomUUID().toString()));
    }

    @Override
    protected void close(ChunkIndex index) throws Exception {
        ((LuceneChunkIndex) index).close();
    }
}
