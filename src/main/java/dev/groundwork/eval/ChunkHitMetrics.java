package dev.groundwork.eval;

import static dev.groundwork.eval.RetrievalMetrics.CUTOFFS;

/**
 * Adds up, over questions with a gold file, how often a chunk of that file is among the first k chunks retrieved
 * (document hit@k) and, over those that also name gold pages, how often such a chunk is on a gold page (page
 * hit@k). These count what the answerer is given (the top k chunks), where recall@k counts distinct documents.
 * Not thread-safe.
 */
final class ChunkHitMetrics {

    private int fileQuestions;
    private int pageQuestions;
    private final int[] fileWithin = new int[CUTOFFS.size()];
    private final int[] pageWithin = new int[CUTOFFS.size()];

    void add(Gold gold, ChunkRanks ranks) {
        if (gold.kind() != Gold.Kind.FILE) {
            return;
        }
        fileQuestions++;
        boolean pages = !gold.pages().isEmpty();
        pageQuestions += pages ? 1 : 0;
        for (int i = 0; i < CUTOFFS.size(); i++) {
            int cutoff = CUTOFFS.get(i);
            fileWithin[i] += ranks.file() != null && ranks.file() <= cutoff ? 1 : 0;
            pageWithin[i] += pages && ranks.page() != null && ranks.page() <= cutoff ? 1 : 0;
        }
    }

    Scores scores() {
        double[] file = new double[CUTOFFS.size()];
        double[] page = new double[CUTOFFS.size()];
        for (int i = 0; i < file.length; i++) {
            file[i] = fileQuestions == 0 ? 0 : (double) fileWithin[i] / fileQuestions;
            page[i] = pageQuestions == 0 ? 0 : (double) pageWithin[i] / pageQuestions;
        }
        return new Scores(fileQuestions, file, pageQuestions, page);
    }

    /** Document and page hit at each of {@link RetrievalMetrics#CUTOFFS}, with the questions each counts. */
    record Scores(int fileQuestions, double[] documentHit, int pageQuestions, double[] pageHit) {

        double documentHit(int cutoff) {
            return documentHit[CUTOFFS.indexOf(cutoff)];
        }

        double pageHit(int cutoff) {
            return pageHit[CUTOFFS.indexOf(cutoff)];
        }
    }
}
