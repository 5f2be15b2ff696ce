package dev.groundwork.retrieve;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.Texts;
import dev.groundwork.index.ChunkHit;
import dev.groundwork.index.ChunkIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * BM25 and vector search, each taking its own candidates, fused by weighted reciprocal rank fusion:
 * a chunk scores {@code w / (k + rank)} from each list it appears in. Ranks, not scores, are fused, because
 * BM25 and cosine scores are not on one scale.
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
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        for (int i = 0; i < textHits.size(); i++) {
            ChunkHit hit = textHits.get(i);
            Candidate candidate = byKey.computeIfAbsent(hit.key(), key -> new Candidate(hit));
            candidate.textRank = i + 1;
            candidate.score += settings.textWeight() / (settings.rrfK() + i + 1);
        }
        for (int i = 0; i < vectorHits.size(); i++) {
            ChunkHit hit = vectorHits.get(i);
            Candidate candidate = byKey.computeIfAbsent(hit.key(), key -> new Candidate(hit));
            candidate.vectorRank = i + 1;
            candidate.similarity = hit.score();
            candidate.score += settings.vectorWeight() / (settings.rrfK() + i + 1);
        }
        List<Candidate> ranked = new ArrayList<>(byKey.values());
        ranked.sort(Comparator.comparingDouble((Candidate c) -> c.score).reversed()
                .thenComparingInt(Candidate::bestRank));
        return ranked.stream().limit(k).map(Candidate::toRetrieved).toList();
    }

    private static final class Candidate {
        final ChunkHit hit;
        double score;
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
