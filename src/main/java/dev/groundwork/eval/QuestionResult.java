package dev.groundwork.eval;

import java.util.List;

/**
 * One line of the per-question results file.
 *
 * @param goldRanks where each gold value was found, from 1, or null
 * @param chunkRanks for a gold file, where its first chunk and its first chunk on a gold page were retrieved
 * @param top       the first ten ranked units
 * @param answer    what the answer stage made of it, or null without one
 * @param error     why the question could not be run, or null
 */
record QuestionResult(String config, String id, String question, String goldKind, List<String> gold,
                      List<Integer> goldRanks, Integer rankAny, Integer rankAll, ChunkRanks chunkRanks, List<Hit> top, double tookMs,
                      Answer answer, String error) {

    /** A ranked unit: a passage, a file or, for a gold text, a chunk. */
    record Hit(int rank, String unit, String title, int chunk, Integer page, double score, Integer textRank,
               Integer vectorRank, Float similarity, boolean gold) {
    }

    /** An answer and how it was judged. */
    record Answer(String text, boolean abstained, Double evidence, List<Integer> citations, boolean containsAnswer,
                  int citationsWithAnswer, int sentences, int unsupportedSentences) {
    }
}
