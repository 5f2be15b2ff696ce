package dev.groundwork.eval;

import dev.groundwork.text.Texts;
import java.util.Objects;

/** A passage of a corpus given as text: what a question set's gold ids point to. */
record Passage(String id, String title, String text) {

    Passage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if (Texts.isBlank(id)) {
            throw new IllegalArgumentException("passage id is blank");
        }
        if (Texts.isBlank(text)) {
            throw new IllegalArgumentException("passage '" + id + "' has no text");
        }
        title = title == null || Texts.isBlank(title) ? id : title.strip();
    }
}
