package dev.groundwork.web;

import dev.groundwork.answer.Answer;
import dev.groundwork.answer.Conversation;
import dev.groundwork.answer.Conversations;
import dev.groundwork.answer.PreparedQuestion;
import dev.groundwork.answer.Turn;
import dev.groundwork.security.Actor;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The conversation a question belongs to: one the service keeps (by id, the caller's own), one the client sends
 * (its turns), or a new one the service starts keeping. After the answer, the question as searched and the answer
 * become the kept conversation's next turn.
 */
@Component
class AskConversations {

    /**
     * A question's conversation: the id it is kept under (null when the client keeps it, or before a new one is
     * started) and its earlier turns.
     */
    record Thread(String id, String owner, Conversation conversation, boolean kept) {
    }

    private final Conversations conversations;

    AskConversations(Conversations conversations) {
        this.conversations = conversations;
    }

    /**
     * @throws InvalidRequestException 400 when both an id and turns are given, or a turn has no question
     * @throws dev.groundwork.answer.ConversationNotFoundException 404 for an id not kept for this caller
     */
    Thread of(String id, List<AskRequest.TurnView> history) {
        String owner = owner();
        if (id != null && history != null && !history.isEmpty()) {
            throw new InvalidRequestException(HttpStatus.BAD_REQUEST, "BAD_REQUEST",
                    "Send either conversationId or history, not both.");
        }
        if (history != null && !history.isEmpty()) {
            return new Thread(null, owner, new Conversation(history.stream().map(AskConversations::turn).toList()),
                    false);
        }
        if (id != null) {
            return new Thread(id, owner, conversations.find(id, owner), true);
        }
        return new Thread(null, owner, Conversation.NONE, true);
    }

    /** The thread with its id: a new conversation is kept from here on, once its first question was accepted. */
    Thread started(Thread thread) {
        return thread.kept() && thread.id() == null
                ? new Thread(conversations.start(thread.owner()), thread.owner(), thread.conversation(), true) : thread;
    }

    /** The answered question becomes the next turn of a kept conversation. */
    void answered(Thread thread, PreparedQuestion question, Answer answer) {
        if (thread.id() != null) {
            conversations.add(thread.id(), thread.owner(), new Turn(question.text(), answer.text()));
        }
    }

    private static Turn turn(AskRequest.TurnView turn) {
        if (turn == null || turn.question() == null || turn.question().isBlank()) {
            throw new InvalidRequestException(HttpStatus.BAD_REQUEST, "BAD_REQUEST",
                    "Each turn of the history needs its question.");
        }
        return new Turn(turn.question(), turn.answer());
    }

    /** Conversations are the caller's own: another caller cannot continue one by its id. */
    private static String owner() {
        Actor actor = Actor.current();
        return actor.via() + ":" + (actor.credential() != null ? actor.credential() : actor.name());
    }
}
