package dev.groundwork.answer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Conversations the service keeps, so that a client can send a follow-up with the conversation's id instead of the
 * earlier turns. Bounded in count, turns and characters (each question and answer kept is cut at {@link
 * #KEPT_CHARS}), so at most {@code maxConversations × maxTurns × 2 × KEPT_CHARS} characters are held.
 *
 * @param maxConversations conversations kept; past it the one used least recently is dropped
 * @param maxTurns         earlier turns kept per conversation, the latest ones
 * @param expireAfter      a conversation not used for this long is dropped
 */
public record ConversationSettings(
        @DefaultValue("1000") @Min(0) @Max(1_000_000) int maxConversations,
        @DefaultValue("6") @Min(1) @Max(100) int maxTurns,
        @DefaultValue("30m") @NotNull Duration expireAfter) {

    /** The most characters of a question, and of an answer, a kept turn holds. */
    public static final int KEPT_CHARS = 1000;

    public ConversationSettings {
        if (expireAfter.isNegative() || expireAfter.isZero()) {
            throw new IllegalArgumentException("groundwork.conversation.expire-after must be positive");
        }
    }
}
