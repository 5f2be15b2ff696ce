package dev.groundwork.answer;

import java.util.List;

/** The earlier turns of a conversation, oldest first; a question without one has none. */
public record Conversation(List<Turn> turns) {

    public static final Conversation NONE = new Conversation(List.of());

    public Conversation {
        turns = List.copyOf(turns);
    }

    public boolean isEmpty() {
        return turns.isEmpty();
    }
}
