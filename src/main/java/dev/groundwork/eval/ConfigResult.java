package dev.groundwork.eval;

/**
 * The outcome of one configuration.
 *
 * @param chunkHits    document and page hit over the top chunks, for questions with a gold file
 * @param answers      the answer scores, or null when no answer stage ran
 * @param msPerQuestion mean time to retrieve for one question
 * @param groups       retrieval in each group of questions, by group name in order; empty when none has a group
 */
record ConfigResult(EvalConfig config, CorpusIndexer.Built index, String encoder, RetrievalMetrics.Scores retrieval,
                    ChunkHitMetrics.Scores chunkHits, AnswerMetrics.Scores answers, int skipped, double msPerQuestion,
                    double seconds, java.util.SortedMap<String, RetrievalMetrics.Scores> groups) {
}
