package dev.groundwork.answer;

import dev.groundwork.index.DocumentRecord;
import java.util.Objects;

/**
 * A numbered source given to the answerer: the text of a retrieved chunk, or its leading whole sentences when the
 * token budget ran out. {@code text} is exactly {@code pageText.substring(start, end)} of the page it comes from.
 *
 * @param n          the number answers cite it by, from 1
 * @param page       page number from 1, or null for formats without pages
 * @param start      offset of the first character in the page (or document) text
 * @param end        offset after the last character
 * @param similarity cosine similarity of question and chunk from retrieval, or null
 */
public record Source(int n, DocumentRecord document, int ordinal, Integer page, int start, int end, String text,
                     Float similarity, Float ocrConfidence) {

    /** A source of text the document holds as text (not read by OCR). */
    public Source(int n, DocumentRecord document, int ordinal, Integer page, int start, int end, String text,
                  Float similarity) {
        this(n, document, ordinal, page, start, end, text, similarity, null);
    }

    /** Whether the source's text was read by OCR from a scanned page or an image. */
    public boolean scanned() {
        return ocrConfidence != null;
    }

    public Source {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(text, "text");
        if (n < 1 || end - start != text.length()) {
            throw new IllegalArgumentException("invalid source " + n + ": " + start + ".." + end + " for "
                    + text.length() + " characters");
        }
    }
}
