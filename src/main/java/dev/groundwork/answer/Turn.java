package dev.groundwork.answer;

import java.util.Objects;

/**
 * One earlier question of a conversation and the answer it got.
 *
 * @param question the question as it was searched (standalone), or as the client asked it
 * @param answer   the answer's text; may be empty (a client may send questions alone)
 */
public record Turn(String question, String answer) {

    public Turn {
        Objects.requireNonNull(question, "question");
        answer = answer == null ? "" : answer;
    }

    /** This turn with both texts cut to at most {@code chars} characters: what a kept conversation may hold. */
    Turn cut(int chars) {
        return new Turn(cut(question, chars), cut(answer, chars));
    }

    private static String cut(String text, int chars) {
        return text.length() <= chars ? text : text.substring(0, chars);
    }
}
