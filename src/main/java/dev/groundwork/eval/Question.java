package dev.groundwork.eval;

import java.util.List;
import java.util.Objects;

/**
 * A question of a question set.
 *
 * @param answers    strings any of which a right answer holds; may be empty
 * @param answerable false for a question the corpus cannot answer, where abstaining is right
 * @param group      the group the question is counted in apart (the follow-up set's kinds); null for none
 * @param history    the questions asked before it in its conversation, oldest first; empty for one asked alone
 */
record Question(String id, String text, List<String> answers, Gold gold, boolean answerable, String group,
                List<String> history) {

    Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(gold, "gold");
        answers = List.copyOf(answers);
        history = history == null ? List.of() : List.copyOf(history);
        if (text.isBlank()) {
            throw new IllegalArgumentException("question text is blank");
        }
        if (answerable && gold.isNone()) {
            throw new IllegalArgumentException("an answerable question needs gold_passage_id, gold_file or gold_text");
        }
    }

    Question(String id, String text, List<String> answers, Gold gold, boolean answerable) {
        this(id, text, answers, gold, answerable, null, List.of());
    }
}
