package dev.groundwork.index;

import dev.groundwork.index.solr.SolrSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which index serves, where it lives and how it behaves.
 *
 * @param backend         {@code lucene}: the embedded index in {@code dir}; {@code solr}: a SolrCloud collection
 *                        (see {@code solr}), for an index or a load one machine cannot carry
 * @param dir             the index folder; derived data, rebuilt from the ingest folder when missing. It holds the
 *                        index's generations ({@code gen-NNNNNN/}) and {@code CURRENT}, naming the one that serves
 * @param refreshInterval how often searches are brought up to date with writes not yet committed
 * @param ramBufferMb     memory the writer fills before it flushes a segment
 * @param contextBoost    weight of a match in a chunk's document title and heading path, against 1 for its text
 * @param vectorFormat    how the HNSW graph stores vectors for search: {@code float} (exact scores) or {@code int7}
 *                        (scalar-quantized to a byte per dimension: a quarter of the memory to search, slightly
 *                        lower recall); the float vectors stay on disk either way. Segments written with the other
 *                        format stay readable and are rewritten as they merge
 * @param hnswM           HNSW graph: neighbours kept per vector (Lucene's maxConn). More raise recall and the cost of
 *                        building and searching; applies to segments written from now on
 * @param hnswBeamWidth   HNSW graph: candidates looked at when a vector is inserted (Lucene's beamWidth). More make
 *                        a better graph, built more slowly
 * @param knnCandidates   vectors an HNSW search collects (its beam) before the best are taken: more find more of the
 *                        true nearest, at a small cost in time
 * @param mergeAfterRebuild whether a rebuilt index is merged into one segment before it starts serving: one HNSW
 *                        graph to search instead of one per segment (faster, better recall), paid once while the old
 *                        index still serves (embedded index only: a Solr collection keeps its segments)
 * @param solr            the SolrCloud cluster and collection, with {@code backend=solr}
 */
public record IndexSettings(
        @DefaultValue("index") @NotNull Path dir,
        @DefaultValue("1s") @NotNull Duration refreshInterval,
        @DefaultValue("64") @Min(8) int ramBufferMb,
        @DefaultValue("0.5") @DecimalMin("0.0") double contextBoost,
        @DefaultValue("float") VectorFormat vectorFormat,
        @DefaultValue("" + DEFAULT_HNSW_M) @Min(4) @Max(512) int hnswM,
        @DefaultValue("" + DEFAULT_HNSW_BEAM_WIDTH) @Min(8) @Max(3200) int hnswBeamWidth,
        @DefaultValue("" + DEFAULT_KNN_CANDIDATES) @Min(1) @Max(10_000) int knnCandidates,
        @DefaultValue("true") boolean mergeAfterRebuild,
        @DefaultValue("lucene") Backend backend,
        @Valid @NotNull @DefaultValue SolrSettings solr) {

    static final int DEFAULT_HNSW_M = 32;
    static final int DEFAULT_HNSW_BEAM_WIDTH = 100;
    static final int DEFAULT_KNN_CANDIDATES = 400;

    /** How vectors are stored for the HNSW search. */
    public enum VectorFormat { FLOAT, INT7 }

    /** Where the index lives. */
    public enum Backend { LUCENE, SOLR }

    @ConstructorBinding
    public IndexSettings {
        vectorFormat = vectorFormat == null ? VectorFormat.FLOAT : vectorFormat;
        backend = backend == null ? Backend.LUCENE : backend;
        solr = solr == null ? new SolrSettings("", List.of(), "groundwork", 1, 1, Duration.ofSeconds(5),
                Duration.ofSeconds(60), "") : solr;
    }

    @AssertTrue(message = "backend=solr needs solr.zk-hosts or solr.urls")
    boolean isSolrLocated() {
        return backend != Backend.SOLR || solr.locatesACluster();
    }

    @AssertTrue(message = "vector-format=int7 is not available with backend=solr: Solr 9 has no scalar-quantized vector "
            + "field; use float")
    boolean isVectorFormatAvailable() {
        return backend != Backend.SOLR || vectorFormat == VectorFormat.FLOAT;
    }

    /** With the default HNSW graph and search beam, and merging after a rebuild. */
    public IndexSettings(Path dir, Duration refreshInterval, int ramBufferMb, double contextBoost, VectorFormat vectorFormat) {
        this(dir, refreshInterval, ramBufferMb, contextBoost, vectorFormat, DEFAULT_HNSW_M, DEFAULT_HNSW_BEAM_WIDTH,
                DEFAULT_KNN_CANDIDATES, true, Backend.LUCENE, null);
    }

    /** The same settings for another folder (a generation of the index). */
    IndexSettings in(Path otherDir) {
        return new IndexSettings(otherDir, refreshInterval, ramBufferMb, contextBoost, vectorFormat, hnswM,
                hnswBeamWidth, knnCandidates, mergeAfterRebuild, backend, solr);
    }
}
