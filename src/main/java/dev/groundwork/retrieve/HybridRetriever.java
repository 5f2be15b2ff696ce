package dev.groundwork.retrieve;

import dev.groundwork.embed.Encoder;
import dev.groundwork.text.Texts;
import dev.groundwork.index.ChunkHit;
import dev.groundwork.index.ChunkSearch;
import dev.groundwork.index.ServingIndex;
import dev.groundwork.observe.Stage;
import dev.groundwork.observe.Stages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * BM25 and vector search, each taking its own candidates, fused into one ranking as {@link Fusion} says:
 * by weighted reciprocal rank fusion ({@code w / (k + rank)} from each list), or by each list's scores brought
 * onto one scale (min-max or z-score over its own candidates) and added with the weights; then documents and
 * pages are weighed ({@link DocumentRanking}).
 */
@Service
class HybridRetriever implements Retriever {

    private static final Logger log = LoggerFactory.getLogger(HybridRetriever.class);

    private final ServingIndex<? extends ChunkSearch> index;
    private final Encoder encoder;
    private final RetrievalSettings settings;
    private final Executor textSearches;
    private final Stages stages;

    /**
     * @param textSearches where the BM25 half of a search runs, beside the vector half on the caller's thread; it
     *                     hands the caller's observation on, so the text search's stage is a child of the retrieval
     */
    HybridRetriever(ServingIndex<? extends ChunkSearch> index, Encoder encoder, RetrievalSettings settings,
                    @Qualifier(RetrievalConfiguration.TEXT_SEARCHES) Executor textSearches, Stages stages) {
        this.index = index;
        this.encoder = encoder;
        this.settings = settings;
        this.textSearches = textSearches;
        this.stages = stages;
    }

    @Override
    public Retrieval retrieve(RetrievalRequest request) {
        try (Stage retrieval = stages.start(Stages.QUESTION, "retrieval")) {
            try {
                // one index for both lists, even if a rebuilt one is switched in meanwhile
                return index.use(search -> retrieve(request, search, retrieval));
            } catch (RuntimeException e) {
                retrieval.failed(e);
                throw e;
            }
        }
    }

    private Retrieval retrieve(RetrievalRequest request, ChunkSearch index, Stage retrieval) {
        String query = validQuery(request.query());
        int k = validK(request.k());
        int candidates = Math.max(settings.candidates(), k);
        // 1. both lists. While the index is rebuilt for another encoder its vectors cannot be compared with the
        //    query's: text only. With both, BM25 runs on another thread while this one embeds the question and
        //    searches the vectors: the two take about as long, so a search takes the longer of them, not the sum.
        boolean text = settings.textWeight() > 0;
        boolean vectors = settings.vectorWeight() > 0 && index.vectorsComparable();
        CompletableFuture<List<ChunkHit>> textSearch = text && vectors
                ? CompletableFuture.supplyAsync(() -> searchText(index, query, candidates, request), textSearches)
                : null;
        float[] queryVector = null;
        List<ChunkHit> vectorHits = List.of();
        if (vectors) {
            try (Stage stage = stages.start(Stages.QUESTION, "vector-search")) {
                queryVector = encoder.embedQuery(query);
                vectorHits = index.searchVector(queryVector, candidates, request.filter());
            }
        }
        List<ChunkHit> textHits = textSearch != null ? join(textSearch)
                : text ? searchText(index, query, candidates, request) : List.of();
        // 2. fuse, then rank documents and pages
        List<RetrievedChunk> fused;
        try (Stage stage = stages.start(Stages.QUESTION, "fusion")) {
            fused = DocumentRanking.rank(fuse(textHits, vectorHits, candidates), settings.documentWeight(),
                    settings.chunksPerPage()).stream().limit(k).toList();
        }
        // the retrieval's time, as the API reports it, is its stage's
        long tookMs = retrieval.millis();
        log.debug("Retrieved {} chunks ({} text, {} vector candidates) in {} ms", fused.size(), textHits.size(),
                vectorHits.size(), tookMs);
        return new Retrieval(query, fused, tookMs, queryVector, vectorHits.isEmpty() ? null : vectorHits.get(0).score());
    }

    private List<ChunkHit> searchText(ChunkSearch index, String query, int candidates, RetrievalRequest request) {
        try (Stage stage = stages.start(Stages.QUESTION, "text-search")) {
            return index.searchText(query, candidates, request.filter());
        }
    }

    private static List<ChunkHit> join(CompletableFuture<List<ChunkHit>> search) {
        try {
            return search.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Every candidate of either list, best first. */
    private List<RetrievedChunk> fuse(List<ChunkHit> textHits, List<ChunkHit> vectorHits, int depth) {
        ListShares fromText = shares(textHits, settings.textWeight(), depth);
        ListShares fromVector = shares(vectorHits, settings.vectorWeight(), depth);
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        for (int i = 0; i < textHits.size(); i++) {
            ChunkHit hit = textHits.get(i);
            Candidate candidate = byKey.computeIfAbsent(hit.key(), key -> new Candidate(hit));
            candidate.textRank = i + 1;
            candidate.textShare = fromText.shares()[i];
        }
        for (int i = 0; i < vectorHits.size(); i++) {
            ChunkHit hit = vectorHits.get(i);
            Candidate candidate = byKey.computeIfAbsent(hit.key(), key -> new Candidate(hit));
            candidate.vectorRank = i + 1;
            candidate.similarity = hit.score();
            candidate.vectorShare = fromVector.shares()[i];
        }
        for (Candidate candidate : byKey.values()) {
            candidate.score = (candidate.textRank == null ? fromText.absent() : candidate.textShare)
                    + (candidate.vectorRank == null ? fromVector.absent() : candidate.vectorShare);
        }
        List<Candidate> ranked = new ArrayList<>(byKey.values());
        ranked.sort(Comparator.comparingDouble((Candidate c) -> c.score).reversed()
                .thenComparingInt(Candidate::bestRank));
        return ranked.stream().map(Candidate::toRetrieved).toList();
    }

    /** What each hit of one list adds to its chunk's fused score, and what a chunk missing from it gets. */
    private record ListShares(double[] shares, double absent) {
    }

    /**
     * Normalises one list's scores. A list shorter than the {@code depth} asked for means every other chunk
     * scored nothing (no query term in it), so the statistics count those chunks as zeros: a lone exact match
     * of a rare word then stands far above the rest, as it should, instead of being one of a list of one.
     * A chunk missing from a full list is counted at the list's lowest score, the most it can have had.
     */
    private ListShares shares(List<ChunkHit> hits, double weight, int depth) {
        int length = Math.max(depth, hits.size());
        int padding = length - hits.size();
        double[] scores = hits.stream().mapToDouble(ChunkHit::score).toArray();
        DoubleSummaryStatistics stats = Arrays.stream(scores).summaryStatistics();
        double min = padding > 0 ? Math.min(0, stats.getMin()) : stats.getMin();
        double max = padding > 0 ? Math.max(0, stats.getMax()) : stats.getMax();
        double mean = stats.getSum() / length;
        double squares = Arrays.stream(scores).map(score -> (score - mean) * (score - mean)).sum() + padding * mean * mean;
        double deviation = Math.sqrt(squares / length);
        double[] shares = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            shares[i] = weight * switch (settings.fusion()) {
                case RRF -> 1.0 / (settings.rrfK() + i + 1);
                case MIN_MAX -> normalise(scores[i], min, max - min);
                case Z_SCORE -> normalise(scores[i], mean, deviation);
            };
        }
        double absent = hits.isEmpty() ? 0 : weight * switch (settings.fusion()) {
            case RRF -> 0;
            case MIN_MAX -> normalise(min, min, max - min);
            case Z_SCORE -> normalise(min, mean, deviation);
        };
        return new ListShares(shares, absent);
    }

    /** (score - centre) / spread; a list whose scores are all alike tells nothing apart and adds nothing. */
    private static double normalise(double score, double centre, double spread) {
        return spread > 0 ? (score - centre) / spread : 0;
    }

    private static final class Candidate {
        final ChunkHit hit;
        double score;
        double textShare;
        double vectorShare;
        Integer textRank;
        Integer vectorRank;
        Float similarity;

        Candidate(ChunkHit hit) {
            this.hit = hit;
        }

        int bestRank() {
            return Math.min(textRank == null ? Integer.MAX_VALUE : textRank,
                    vectorRank == null ? Integer.MAX_VALUE : vectorRank);
        }

        RetrievedChunk toRetrieved() {
            return new RetrievedChunk(hit.document(), hit.chunk(), score, textRank, vectorRank, similarity);
        }
    }

    private String validQuery(String query) {
        if (query == null || Texts.isBlank(query)) {
            throw new InvalidQueryException("BLANK_QUERY", "The question is empty.");
        }
        if (query.length() > settings.maxQueryChars()) {
            throw new InvalidQueryException("QUERY_TOO_LONG", "The question is longer than "
                    + settings.maxQueryChars() + " characters.");
        }
        return query.strip();
    }

    private int validK(Integer k) {
        if (k == null) {
            return settings.topK();
        }
        if (k < 1 || k > settings.maxTopK()) {
            throw new InvalidQueryException("INVALID_K", "k must be between 1 and " + settings.maxTopK() + ".");
        }
        return k;
    }
}
