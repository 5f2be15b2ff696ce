package dev.groundwork.eval;

import java.util.List;

/**
 * The questions of a run and, for a set that carries its own paragraphs (HotpotQA), the passages to index.
 *
 * @param passages the set's own corpus, or an empty list when the corpus is given apart
 * @param multiGold whether questions may have more than one gold unit, so "all gold in top k" means something
 */
record QuestionSet(String format, List<Question> questions, List<Passage> passages, boolean multiGold) {

    QuestionSet {
        questions = List.copyOf(questions);
        passages = List.copyOf(passages);
    }
}
