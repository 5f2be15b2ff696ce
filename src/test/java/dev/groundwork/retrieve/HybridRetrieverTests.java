package dev.groundwork.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.groundwork.embed.Calibration;
import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.TokenCounter;
import dev.groundwork.index.Chunk;
import dev.groundwork.index.ChunkFilter;
import dev.groundwork.index.ChunkHit;
import dev.groundwork.index.ChunkSearch;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.ServingIndex;
import dev.groundwork.observe.Stages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HybridRetrieverTests {

    /** BM25: a far ahead of b and c. Vectors: b first, then d, a, c, close together. */
    private final FixedLists lists = new FixedLists(
            scores("a", 10, "b", 1.1, "c", 1),
            scores("b", 0.80, "d", 0.75, "a", 0.70, "c", 0.60));

    /** The BM25 half runs on the caller's thread here, where the application gives it threads of its own. */
    private static HybridRetriever retriever(ServingIndex<ChunkSearch> index, Encoder encoder,
                                             RetrievalSettings settings) {
        return new HybridRetriever(index, encoder, settings, Runnable::run, Stages.NONE);
    }

    private static RetrievalSettings settings(Fusion fusion, double textWeight, double vectorWeight) {
        // fusion alone: the document stage has tests of its own
        return new RetrievalSettings(3, 60, 5, 50, 2000, textWeight, vectorWeight, fusion, 0.0, 1);
    }

    private List<String> ranking(RetrievalSettings settings) {
        Retrieval retrieval = retriever(ServingIndex.of(lists), new FixedEncoder(), settings)
                .retrieve(new RetrievalRequest("question", 10, ChunkFilter.NONE));
        return retrieval.chunks().stream().map(chunk -> chunk.document().id()).toList();
    }

    @Test
    void rankFusionRewardsBeingNearTheTopOfBothLists() {
        // b: 1/62 + 1/61 beats a: 1/61 + 1/63, though BM25 finds a far better than b; c, in both lists, beats d.
        assertThat(ranking(settings(Fusion.RRF, 1, 1))).containsExactly("b", "a", "c", "d");
    }

    // The lists below are shorter than the 10 candidates asked for: the chunks they leave out scored 0.

    @Test
    void minMaxFusionKeepsHowFarAheadAListPutsAChunk() {
        // Both lists normalised from 0 to their best: a: 1 + 0.875; b: 0.11 + 1; d: 0 + 0.94; c: 0.1 + 0.75.
        assertThat(ranking(settings(Fusion.MIN_MAX, 1, 1))).containsExactly("a", "b", "d", "c");
    }

    @Test
    void zScoreFusionGivesAChunkMissingFromAShortListTheScoreOfNoMatch() {
        Retrieval retrieval = retriever(ServingIndex.of(lists), new FixedEncoder(), settings(Fusion.Z_SCORE, 1, 1))
                .retrieve(new RetrievalRequest("question", 10, ChunkFilter.NONE));

        assertThat(retrieval.chunks()).extracting(chunk -> chunk.document().id()).containsExactly("a", "b", "d", "c");
        // d is not in the BM25 list: it gets the z-score of a BM25 score of 0 (-0.409) plus its vector z (1.320).
        assertThat(retrieval.chunks().get(2).score()).isCloseTo(-0.409 + 1.320, within(0.01));
        assertThat(retrieval.chunks().get(2).textRank()).isNull();
        assertThat(retrieval.chunks().get(2).vectorRank()).isEqualTo(2);
    }

    @Test
    void aChunkMissingFromAFullListGetsThatListsLowestScore() {
        FixedLists full = new FixedLists(scores("a", 3, "b", 2, "c", 1), scores("c", 0.9, "b", 0.8, "d", 0.7));
        Retrieval retrieval = retriever(ServingIndex.of(full), new FixedEncoder(), settings(Fusion.Z_SCORE, 1, 1))
                .retrieve(new RetrievalRequest("question", 3, ChunkFilter.NONE));

        // With 3 candidates asked for and 3 returned, a (not among the vectors) counts as d's -1.225 there.
        RetrievedChunk a = retrieval.chunks().stream().filter(chunk -> chunk.document().id().equals("a")).findFirst().orElseThrow();
        assertThat(a.score()).isCloseTo(1.225 - 1.225, within(0.01));
    }

    @Test
    void weightsTiltTheFusionTowardsOneList() {
        assertThat(ranking(settings(Fusion.MIN_MAX, 1, 1))).startsWith("a");
        assertThat(ranking(settings(Fusion.MIN_MAX, 0.05, 1))).startsWith("b", "d");
    }

    @Test
    void aLoneExactMatchOfARareWordComesFirst() {
        Map<String, Double> similar = scores("v1", 0.90, "v2", 0.85, "v3", 0.80, "v4", 0.75, "v5", 0.70,
                "v6", 0.65, "v7", 0.60, "v8", 0.55, "v9", 0.52, "v10", 0.50);
        FixedLists rareWord = new FixedLists(scores("exact", 7.5), similar);

        List<String> ranking = retriever(ServingIndex.of(rareWord), new FixedEncoder(), settings(Fusion.Z_SCORE, 1, 1))
                .retrieve(new RetrievalRequest("crashword7x", 10, ChunkFilter.NONE))
                .chunks().stream().map(chunk -> chunk.document().id()).toList();

        // BM25's only hit stands 3 deviations above the chunks without the word; the best vector only 1.6.
        assertThat(ranking).startsWith("exact", "v1");
    }

    @Test
    void aListWeightedZeroIsNotSearched() {
        Encoder refusing = new FixedEncoder() {
            @Override
            public float[] embedQuery(String question) {
                throw new AssertionError("the vector list was searched");
            }
        };

        Retrieval retrieval = retriever(ServingIndex.of(lists), refusing, settings(Fusion.Z_SCORE, 1, 0))
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
    private record FixedLists(Map<String, Double> text, Map<String, Double> vector) implements ChunkSearch {

        private static List<ChunkHit> hits(Map<String, Double> scores, int limit) {
            List<ChunkHit> hits = new ArrayList<>();
            scores.forEach((id, score) -> {
                DocumentRecord document = new DocumentRecord(id, "0".repeat(64), id, "", id + ".txt", List.of(),
                        "text/plain", 1, null, 1, Instant.EPOCH, "");
                hits.add(new ChunkHit(document, new Chunk(0, null, List.of(), 0, id.length(), id), score.floatValue()));
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
        public boolean vectorsComparable() {
            return true;
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
        public Calibration calibration() {
            return new Calibration(0.45, 0.6, true);
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
