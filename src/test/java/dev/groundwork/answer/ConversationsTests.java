package dev.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.support.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversationsTests {

    private final TestClock clock = new TestClock();
    private final Conversations conversations = new Conversations(
            new ConversationSettings(2, 3, Duration.ofMinutes(30)), clock);

    @Test
    void aConversationKeepsItsLatestTurnsEachCutShort() {
        String id = conversations.start("key:alice");
        for (int i = 1; i <= 5; i++) {
            conversations.add(id, "key:alice", new Turn("question " + i, "x".repeat(5000)));
        }

        Conversation kept = conversations.find(id, "key:alice");

        assertThat(kept.turns()).extracting(Turn::question).containsExactly("question 3", "question 4", "question 5");
        assertThat(kept.turns()).allSatisfy(turn -> assertThat(turn.answer()).hasSize(ConversationSettings.KEPT_CHARS));
        assertThat(id).matches("conv_[0-9a-f]{32}");
    }

    @Test
    void onlyItsOwnerFindsIt() {
        String id = conversations.start("key:alice");

        assertThatThrownBy(() -> conversations.find(id, "key:bob")).isInstanceOf(ConversationNotFoundException.class);
        conversations.add(id, "key:bob", new Turn("sneaked in", ""));
        assertThat(conversations.find(id, "key:alice").turns()).isEmpty();
    }

    @Test
    void theLeastRecentlyUsedGoesFirstPastTheLimit() {
        String first = conversations.start("local");
        String second = conversations.start("local");
        conversations.find(first, "local"); // used: the second is now the oldest

        String third = conversations.start("local");

        assertThat(conversations.size()).isEqualTo(2);
        assertThat(conversations.find(first, "local").turns()).isEmpty();
        assertThat(conversations.find(third, "local").turns()).isEmpty();
        assertThatThrownBy(() -> conversations.find(second, "local")).isInstanceOf(ConversationNotFoundException.class);
    }

    @Test
    void aConversationUnusedForTooLongIsDropped() {
        String idle = conversations.start("local");
        String busy = conversations.start("local");
        clock.advance(Duration.ofMinutes(20));
        conversations.add(busy, "local", new Turn("still here?", "yes"));
        clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> conversations.find(idle, "local")).isInstanceOf(ConversationNotFoundException.class)
                .hasMessageContaining("start a new one");
        assertThat(conversations.find(busy, "local").turns()).hasSize(1);
        assertThat(conversations.size()).isEqualTo(1);
    }
}
