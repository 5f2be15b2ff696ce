package dev.groundwork.index;

import java.util.List;
import java.util.Objects;

/**
 * A passage of a document, exactly as it appears in the text of its page (or of the whole document when
 * the format has no pages).
 *
 * @param ordinal     position of the chunk in its document, from 0
 * @param page        page number from 1, or null when the format has no pages
 * @param headingPath the headings the passage sits under, outermost first
 * @param start       offset of the first character in the page (or document) text
 * @param end         offset after the last character
 * @param ocrConfidence when the passage's page was read by OCR (a scan), Tesseract's mean word confidence on that
 *                      page, 0 to 100; null for text read from the document itself
 */
public record Chunk(int ordinal, Integer page, List<String> headingPath, int start, int end, String text,
                    Float ocrConfidence) {

    /** A passage of text the document holds as text (not read by OCR). */
    public Chunk(int ordinal, Integer page, List<String> headingPath, int start, int end, String text) {
        this(ordinal, page, headingPath, start, end, text, null);
    }

    /** Whether the passage's text was read by OCR from a scanned page or an image. */
    public boolean scanned() {
        return ocrConfidence != null;
    }

    public Chunk {
        Objects.requireNonNull(text, "text");
        headingPath = List.copyOf(headingPath);
        if (ordinal < 0 || start < 0 || end < start || (page != null && page < 1)) {
            throw new IllegalArgumentException("invalid chunk position: ordinal " + ordinal + ", page " + page
                    + ", " + start + ".." + end);
        }
        if (ocrConfidence != null && !(ocrConfidence >= 0 && ocrConfidence <= 100)) {
            throw new IllegalArgumentException("OCR confidence out of range: " + ocrConfidence);
        }
        if (end - start != text.length()) {
            throw new IllegalArgumentException("chunk offsets " + start + ".." + end + " do not span its "
                    + text.length() + " characters");
        }
    }
}
