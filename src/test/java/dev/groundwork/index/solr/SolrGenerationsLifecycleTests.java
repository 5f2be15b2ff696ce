package dev.groundwork.index.solr;

import dev.groundwork.index.IndexGenerations;
import dev.groundwork.index.IndexGenerationsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Collections behind an alias on SolrCloud keep the {@link IndexGenerations} contract: each test has an alias of its
 * own, and opening it again is what a restarted node does.
 */
class SolrGenerationsLifecycleTests extends IndexGenerationsContract {

    private static SolrIndexFixture solr;
    private String alias;

    @BeforeAll
    static void startSolr() {
        solr = new SolrIndexFixture();
    }

    @AfterAll
    static void deleteCollections() throws Exception {
        solr.close();
    }

    @BeforeEach
    void newAlias() {
        alias = solr.newAlias();
    }

    @Override
    protected Opened openAtTheTestsPlace() {
        SolrGenerations generations = solr.openGenerations(alias);
        return new Opened(generations, generations, generations);
    }
}
