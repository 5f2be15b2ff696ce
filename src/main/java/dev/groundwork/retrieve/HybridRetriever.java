package dev.groundwork.retrieve;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.Texts;
import dev.groundwork.index.ChunkHit;
import dev.groundwork.index.ChunkIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * BM25 and vector search, each taking its own candidates, fused into one ranking as {@link Fusion} says:
 * by weighted reciprocal rank fusion ({@code w / (k + rank)} from each list), or by each list's scores brought
 * onto one scale (min-max or z-score over its own candidates) and added with the weights.
 */
@Service
class HybridRetriever implements Retriever {

    private static final Logger log = LoggerFactory.getLogger(HybridRetriever.class);

    private final ChunkIndex index;
    private final Encoder encoder;
    private final RetrievalSettings settings;

    HybridRetriever(ChunkIndex index, Encoder encoder, RetrievalSettings settings) {
        this.index = index;
        this.encoder = encoder;
        this.settings = settings;
    }

    @Override
    public Retrieval retrieve(RetrievalRequest request) {
        long started = System.nanoTime();
        String query = validQuery(request.query());
        int k = validK(request.k());
        int candidates = Math.max(settings.candidates(), k);
        // 1. both lists
        List<ChunkHit> textHits = settings.textWeight() > 0 ? index.searchText(query, candidates, request.filter()) : List.of();
        // While the index is rebuilt for another encoder its vectors cannot be compared with the query's: text only.
        List<ChunkHit> vectorHits = settings.vectorWeight() > 0 && index.vectorSearchAvailable()
                ? index.searchVector(encoder.embedQuery(query), candidates, request.filter()) : List.of();
        // 2. fuse
        List<RetrievedChunk> fused = fuse(textHits, vectorHits, k);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        log.debug("Retrieved {} chunks ({} text, {} vector candidates) in {} ms", fused.size(), textHits.size(),
                vectorHits.size(), tookMs);
        return new Retrieval(query, fused, tookMs);
    }

    private List<RetrievedChunk> fuse(List<ChunkHit> textHits, List<ChunkHit> vectorHits, int k) {
        double[] fromText = contributions(textHits, settings.textWeight());
        double[] fromVector = contributions(vectorHits, settings.vectorWeight());
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        for (int i = 0; i < textHits.size(); i++) {
            ChunkHit hit = textHits.get(i);
            Candidate candidate = byKey.computeIfAbsent(hit.key(), key -> new Candidate(hit));
            candidate.textRank = i + 1;
            candidate.textShare = fromText[i];
        }
        for (int i = 0; i < vectorHits.size(); i++) {
            ChunkHit hit = vectorHits.get(i);
            Candidate candidate = byKey.computeIfAbsent(hit.key(), key -> new Candidate(hit));
            candidate.vectorRank = i + 1;
            candidate.similarity = hit.score();
            candidate.vectorShare = fromVector[i];
        }
        double textAbsent = absentShare(fromText);
        double vectorAbsent = absentShare(fromVector);
        for (Candidate candidate : byKey.values()) {
            candidate.score = (candidate.textRank == null ? textAbsent : candidate.textShare)
                    + (candidate.vectorRank == null ? vectorAbsent : candidate.vectorShare);
        }
        List<Candidate> ranked = new ArrayList<>(byKey.values());
        ranked.sort(Comparator.comparingDouble((Candidate c) -> c.score).reversed()
                .thenComparingInt(Candidate::bestRank));
        return ranked.stream().limit(k).map(Candidate::toRetrieved).toList();
    }

    /** What each hit of a list, best first, adds to its chunk's fused score. */
    private double[] contributions(List<ChunkHit> hits, double weight) {
        double[] shares = new double[hits.size()];
        if (hits.isEmpty()) {
            return shares;
        }
        DoubleSummaryStatistics stats = hits.stream().mapToDouble(ChunkHit::score).summaryStatistics();
        double mean = stats.getAverage();
        double deviation = Math.sqrt(hits.stream().mapToDouble(h -> (h.score() - mean) * (h.score() - mean)).sum()
                / hits.size());
        double range = stats.getMax() - stats.getMin();
        for (int i = 0; i < shares.length; i++) {
            double score = hits.get(i).score();
            double share = switch (settings.fusion()) {
                case RRF -> 1.0 / (settings.rrfK() + i + 1);
                case MIN_MAX -> range > 0 ? (score - stats.getMin()) / range : 1.0;
                // Equal scores (a list of one) say nothing of spread: count them one deviation above absent.
                case Z_SCORE -> deviation > 0 ? (score - mean) / deviation : 1.0;
            };
            shares[i] = weight * share;
        }
        return shares;
    }

    /**
     * What a chunk missing from a list gets from that list: nothing under rank fusion and min-max (the worst
     * candidate already gets 0 there); under z-scores, where 0 is an average candidate, the list's lowest share,
     * or 0 when every candidate scored alike.
     */
    private double absentShare(double[] shares) {
        if (settings.fusion() != Fusion.Z_SCORE) {
            return 0;
        }
        return Math.min(0, Arrays.stream(shares).min().orElse(0));
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
