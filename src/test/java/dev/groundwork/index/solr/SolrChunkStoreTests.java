package dev.groundwork.index.solr;

import dev.groundwork.index.ChunkStore;
import dev.groundwork.index.ChunkStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A collection on SolrCloud (two shards of two replicas) keeps the {@link ChunkStore} contract. */
class SolrChunkStoreTests extends ChunkStoreContract {

    private static SolrIndexFixture solr;

    @BeforeAll
    static void startSolr() {
        solr = new SolrIndexFixture();
    }

    @AfterAll
    static void deleteCollections() throws Exception {
        solr.close();
    }

    @Override
    protected ChunkStore newStore() {
        return solr.newIndex();
    }

    @Override
    protected ChunkStore reopen(ChunkStore store) {
        return solr.reopen((SolrChunkIndex) store);
    }

    @Override
    protected void close(ChunkStore store) throws Exception {
        solr.giveBack((SolrChunkIndex) store);
    }
}
