package dev.groundwork.eval;

import java.util.List;
import java.util.Objects;

/**
 * What a question counts as found: passages by id, files by name or path, or any chunk that holds a text.
 * Several values (HotpotQA's two supporting paragraphs) are each a gold unit of their own.
 *
 * @param pages for gold files, the pages (from 1, as a reader counts them) that hold the answer; empty when the
 *              set does not say
 */
record Gold(Kind kind, List<String> values, List<Integer> pages) {

    enum Kind {
        /** Passage ids of a passage corpus. */
        PASSAGE,
        /** File names or paths relative to a corpus folder. */
        FILE,
        /** A text that the right chunk holds (compared after {@link TextMatch#normalise}). */
        TEXT,
        /** No gold: an unanswerable question, counted only by the answer metrics. */
        NONE
    }

    static final Gold NONE = new Gold(Kind.NONE, List.of());

    Gold(Kind kind, List<String> values) {
        this(kind, values, List.of());
    }

    Gold {
        Objects.requireNonNull(kind, "kind");
        values = List.copyOf(values);
        pages = List.copyOf(pages);
        if (!pages.isEmpty() && kind != Kind.FILE) {
            throw new IllegalArgumentException("gold_pages go with gold_file");
        }
        if (pages.stream().anyMatch(page -> page < 1)) {
            throw new IllegalArgumentException("gold pages count from 1");
        }
        if (kind == Kind.NONE != values.isEmpty()) {
            throw new IllegalArgumentException(kind == Kind.NONE ? "no gold takes no values" : "gold without values");
        }
        if (values.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("blank gold value");
        }
    }

    boolean isNone() {
        return kind == Kind.NONE;
    }
}
