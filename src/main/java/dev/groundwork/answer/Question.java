package dev.groundwork.answer;

import java.util.Objects;
import java.util.Set;

/**
 * A question to answer.
 *
 * @param text         the question; a blank or over-long one is refused by retrieval with a stable code
 * @param k            how many chunks to retrieve; null for the configured default
 * @param documentIds  only these documents; empty for all
 * @param conversation the turns before it, when it is a follow-up; {@link Conversation#NONE} when it stands alone
 */
public record Question(String text, Integer k, Set<String> documentIds, Conversation conversation) {

    public Question {
        Objects.requireNonNull(text, "text");
        documentIds = documentIds == null ? Set.of() : Set.copyOf(documentIds);
        conversation = conversation == null ? Conversation.NONE : conversation;
    }

    public Question(String text, Integer k, Set<String> documentIds) {
        this(text, k, documentIds, Conversation.NONE);
    }

    public static Question of(String text) {
        return new Question(text, null, Set.of());
    }
}
