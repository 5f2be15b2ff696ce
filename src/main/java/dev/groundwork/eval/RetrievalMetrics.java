package dev.groundwork.eval;

import java.util.List;

/**
 * Adds up retrieval over questions: recall at 1, 3, 5 and 10 of any gold unit and of all gold units, and the
 * mean reciprocal rank of the first gold unit within the top 10. Not thread-safe.
 */
final class RetrievalMetrics {

    static final List<Integer> CUTOFFS = List.of(1, 3, 5, 10);
    private static final int MRR_DEPTH = 10;

    private int questions;
    private final int[] anyWithin = new int[CUTOFFS.size()];
    private final int[] allWithin = new int[CUTOFFS.size()];
    private double reciprocalRanks;

    /** Counts one question by the rank of its best gold unit and the rank by which all were seen (null: not). */
    void add(Integer rankAny, Integer rankAll) {
        if (rankAll != null && (rankAny == null || rankAll < rankAny)) {
            throw new IllegalArgumentException("all gold cannot be found before any: " + rankAny + ", " + rankAll);
        }
        questions++;
        for (int i = 0; i < CUTOFFS.size(); i++) {
            if (rankAny != null && rankAny <= CUTOFFS.get(i)) {
                anyWithin[i]++;
            }
            if (rankAll != null && rankAll <= CUTOFFS.get(i)) {
                allWithin[i]++;
            }
        }
        if (rankAny != null && rankAny <= MRR_DEPTH) {
            reciprocalRanks += 1.0 / rankAny;
        }
    }

    Scores scores() {
        double[] any = new double[CUTOFFS.size()];
        double[] all = new double[CUTOFFS.size()];
        for (int i = 0; i < any.length; i++) {
            any[i] = share(anyWithin[i]);
            all[i] = share(allWithin[i]);
        }
        return new Scores(questions, any, all, questions == 0 ? 0 : reciprocalRanks / questions);
    }

    private double share(int count) {
        return questions == 0 ? 0 : (double) count / questions;
    }

    /**
     * Recall at each of {@link #CUTOFFS}, for any gold unit and for all of them, and MRR@10.
     */
    record Scores(int questions, double[] recallAny, double[] recallAll, double mrr10) {

        double recallAny(int cutoff) {
            return recallAny[CUTOFFS.indexOf(cutoff)];
        }

        double recallAll(int cutoff) {
            return recallAll[CUTOFFS.indexOf(cutoff)];
        }
    }
}
