package dev.groundwork.retrieve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The stage after fusion: documents first, then pages, then passages. Long documents have many passages that look
 * alike (the balance sheet of this year and of last year), so a passage alone is weak evidence of the right
 * document; the document that has several good passages among the candidates is more likely the one asked about.
 * <ol>
 *   <li>Each chunk's fused score is raised by its document's: the mean of that document's best
 *       {@link #DOCUMENT_DEPTH} fused scores among the candidates (a document with fewer counts the rest as 0, the
 *       level of an average candidate), times {@code documentWeight}.</li>
 *   <li>Chunks are ordered by that score, and no page gives more than {@code chunksPerPage} chunks until every
 *       other page has given its own: the answerer sees five pages, not one page five times. Chunks of formats
 *       without pages are not limited.</li>
 * </ol>
 * A document of one chunk (a short text) gets a fifth of its chunk's score, so among short documents the order
 * barely changes; chosen on SQuAD, HotpotQA and financebench (BENCHMARKS.md, "Long documents").
 */
final class DocumentRanking {

    /** How many of a document's best chunks make its score. */
    static final int DOCUMENT_DEPTH = 5;

    private DocumentRanking() {
    }

    static List<RetrievedChunk> rank(List<RetrievedChunk> fused, double documentWeight, int chunksPerPage) {
        Map<String, PriorityQueue<Double>> best = new HashMap<>();
        for (RetrievedChunk chunk : fused) {
            PriorityQueue<Double> scores = best.computeIfAbsent(chunk.document().id(), id -> new PriorityQueue<>());
            scores.add(chunk.score());
            if (scores.size() > DOCUMENT_DEPTH) {
                scores.poll();
            }
        }
        Map<String, Double> documentScore = new HashMap<>();
        best.forEach((id, scores) -> documentScore.put(id,
                scores.stream().mapToDouble(Double::doubleValue).sum() / DOCUMENT_DEPTH));
        List<RetrievedChunk> ranked = new ArrayList<>(fused.size());
        for (RetrievedChunk chunk : fused) {
            double score = chunk.score() + documentWeight * documentScore.get(chunk.document().id());
            ranked.add(new RetrievedChunk(chunk.document(), chunk.chunk(), score, chunk.textRank(), chunk.vectorRank(),
                    chunk.similarity()));
        }
        // Stable: chunks of equal score keep the order fusion gave them.
        ranked.sort(Comparator.comparingDouble(RetrievedChunk::score).reversed());
        return spreadOverPages(ranked, chunksPerPage);
    }

    /** The chunks in order, those beyond {@code perPage} of one page moved after all the others. */
    private static List<RetrievedChunk> spreadOverPages(List<RetrievedChunk> ranked, int perPage) {
        List<RetrievedChunk> first = new ArrayList<>(ranked.size());
        List<RetrievedChunk> later = new ArrayList<>();
        Map<String, Integer> taken = new HashMap<>();
        for (RetrievedChunk chunk : ranked) {
            Integer page = chunk.chunk().page();
            if (page == null || taken.merge(chunk.document().id() + "#" + page, 1, Integer::sum) <= perPage) {
                first.add(chunk);
            } else {
                later.add(chunk);
            }
        }
        first.addAll(later);
        return first;
    }
}
