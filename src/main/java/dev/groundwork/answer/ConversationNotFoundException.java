package dev.groundwork.answer;

/** A conversation id the service does not keep (never given, expired, dropped, or another caller's). */
public class ConversationNotFoundException extends RuntimeException {

    public ConversationNotFoundException(String id) {
        super("The conversation '" + id + "' is not kept (it expired, or was never started here); start a new one.");
    }
}
