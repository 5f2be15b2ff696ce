package dev.groundwork.index.solr;

import dev.groundwork.index.ChunkIndex;
import dev.groundwork.index.ChunkLookup;
import dev.groundwork.index.ChunkLookupContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A collection on SolrCloud (two shards of two replicas) keeps the {@link ChunkLookup} contract. */
class SolrChunkLookupTests extends ChunkLookupContract {

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
    protected ChunkIndex newIndex() {
        return solr.newIndex();
    }

    @Override
    protected void close(ChunkIndex index) throws Exception {
        solr.giveBack((SolrChunkIndex) index);
    }
}
