package dev.groundwork.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.TokenCounter;
import dev.groundwork.index.Chunk;
import dev.groundwork.index.ChunkFilter;
import dev.groundwork.index.ChunkHit;
import dev.groundwork.index.ChunkIndex;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.EmbeddedChunk;
import dev.groundwork.index.IndexStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HybridRetrieverTests {

    /** BM25: a far ahead of b and c. Vectors: b first, then d, a, c, close together. */
    private final FixedLists lists = new FixedLists(
            scores("a", 10, "b", 1.1, "c", 1),
            scores("b", 0.80, "d", 0.75, "a", 0.70, "c", 0.60));

    private static RetrievalSettings settings(Fusion fusion, double textWeight, double vectorWeight) {
        return new RetrievalSettings(50, 60, 5, 50, 2000, textWeight, vectorWeight, fusion);
    }

    private List<String> ranking(RetrievalSettings settings) {
        Retrieval retrieval = new HybridRetriever(lists, new FixedEncoder(), settings)
                .retrieve(new RetrievalRequest("question", 10, ChunkFilter.NONE));
        return retrieval.chunks().stream().map(chunk -> chunk.document().id()).toList();
    }

    @Test
    void rankFusionRewardsBeingNearTheTopOfBothLists() {
        // b: 1/62 + 1/61 beats a: 1/61 + 1/63, though BM25 finds a far better than b; c, in both lists, beats d.
        assertThat(ranking(settings(Fusion.RRF, 1, 1))).containsExactly("b", "a", "c", "d");
    }

    @Test
    void minMaxFusionKeepsHowFarAheadAListPutsAChunk() {
        // a: 1 + 0.5 = 1.5; b: 0.011 + 1; d: 0 (not in BM25) + 0.75; c: 0 + 0.
        assertThat(ranking(settings(Fusion.MIN_MAX, 1, 1))).containsExactly("a", "b", "d", "c");
    }

    @Test
    void zScoreFusionGivesAChunkMissingFromAListThatListsLowestScore() {
        Retrieval retrieval = new HybridRetriever(lists, new FixedEncoder(), settings(Fusion.Z_SCORE, 1, 1))
                .retrieve(new RetrievalRequest("question", 10, ChunkFilter.NONE));

        assertThat(retrieval.chunks()).extracting(chunk -> chunk.document().id()).containsExactly("a", "b", "d", "c");
        // d is not in the BM25 list: it gets c's z-score there (-0.719) plus its own vector z-score (0.507).
        assertThat(retrieval.chunks().get(2).score()).isCloseTo(-0.719 + 0.507, within(0.01));
        assertThat(retrieval.chunks().get(2).textRank()).isNull();
        assertThat(retrieval.chunks().get(2).vectorRank()).isEqualTo(2);
    }

    @Test
    void weightsTiltTheFusionTowardsOneList() {
        assertThat(ranking(settings(Fusion.MIN_MAX, 0.2, 1))).startsWith("b", "d");
    }

    @Test
    void aSingleBm25HitStillCountsUnderZScores() {
        FixedLists oneText = new FixedLists(scores("a", 5), scores("b", 0.9, "a", 0.5));
        Retrieval retrieval = new HybridRetriever(oneText, new FixedEncoder(), settings(Fusion.Z_SCORE, 1, 1))
                .retrieve(new RetrievalRequest("question", 10, ChunkFilter.NONE));

        // a: one deviation for being BM25's only hit, minus one for its vector; b: 0 + 1.
        assertThat(retrieval.chunks()).extracting(RetrievedChunk::score).containsExactly(1.0, 0.0);
    }

    @Test
    void aListWeightedZeroIsNotSearched() {
        Encoder refusing = new FixedEncoder() {
            @Override
            public float[] embedQuery(String question) {
                throw new AssertionError("the vector list was searched");
            }
        };

        Retrieval retrieval = new HybridRetriever(lists, refusing, settings(Fusion.Z_SCORE, 1, 0))
                .retrieve(new RetrievalRequest("question", 10, ChunkFilter.NONE));

        assertThat(retrieval.chunks()).extracting(chunk -> chunk.document().id()).containsExactly("a", "b", "c");
    }

    private static Map<String, Double> scores(Object... idsAndScores) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < idsAndScores.length; i += 2) {
            scores.put((String) idsAndScores[i], ((Number) idsAndScores[i + 1]).doubleValue());
        }
        return scores;
    }

    /** An index that answers every search with the same lists, best first. */
    private record FixedLists(Map<String, Double> text, Map<String, Double> vector) implements ChunkIndex {

        private static List<ChunkHit> hits(Map<String, Double> scores, int limit) {
            List<ChunkHit> hits = new ArrayList<>();
            scores.forEach((id, score) -> {
                DocumentRecord document = new DocumentRecord(id, "0".repeat(64), id, id + ".txt", List.of(),
                        "text/plain", 1, null, 1, Instant.EPOCH, "");
                hits.add(new ChunkHit(document, new Chunk(0, null, List.of(), 0, 1, id), score.floatValue()));
            });
            return hits.subList(0, Math.min(limit, hits.size()));
        }

        @Override
        public List<ChunkHit> searchText(String query, int limit, ChunkFilter filter) {
            return hits(text, limit);
        }

        @Override
        public List<ChunkHit> searchVector(float[] vector, int limit, ChunkFilter filter) {
            return hits(this.vector, limit);
        }

        @Override
        public void upsert(DocumentRecord document, List<EmbeddedChunk> chunks, Collection<String> replacing) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void updateRecord(DocumentRecord document) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String documentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void commit(Map<String, String> userData) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, String> committedUserData() {
            return Map.of();
        }

        @Override
        public Optional<DocumentRecord> find(String documentId) {
            return Optional.empty();
        }

        @Override
        public List<DocumentRecord> documents() {
            return List.of();
        }

        @Override
        public IndexStats stats() {
            return new IndexStats(0, 0, "");
        }

        @Override
        public List<EmbeddedChunk> chunks(String documentId) {
            return List.of();
        }
    }

    private static class FixedEncoder implements Encoder {
        @Override
        public String modelId() {
            return "fixed";
        }

        @Override
        public String signature() {
            return "fixed";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public int maxTokens() {
            return 16;
        }

        @Override
        public TokenCounter tokenCounter() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public float[] embedQuery(String question) {
            return new float[] {1, 0};
        }
    }
}
