package dev.groundwork.answer;

import java.util.Objects;
import java.util.Set;

/**
 * A question to answer.
 *
 * @param text        the question; a blank or over-long one is refused by retrieval with a stable code
 * @param k           how many chunks to retrieve; null for the configured default
 * @param documentIds only these documents; empty for all
 */
public record Question(String text, Integer k, Set<String> documentIds) {

    public Question {
        Objects.requireNonNull(text, "text");
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
    }

    public static Question of(String text) {
        return new Question(text, null, Set.of());
    }
}
