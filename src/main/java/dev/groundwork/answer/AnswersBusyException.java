package dev.groundwork.answer;

/** Every one of the {@code max-answers} answers is being written: try again in a moment (503 {@code TOO_BUSY}). */
public class AnswersBusyException extends RuntimeException {

    public AnswersBusyException() {
        super("Too many answers are being written; try again in a moment.");
    }
}
