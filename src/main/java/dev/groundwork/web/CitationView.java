package dev.groundwork.web;

import dev.groundwork.answer.Source;

/**
 * A numbered source as the API shows it: where it comes from (its document's title and what else tells that
 * document apart: organisation, kind, period) and its exact text.
 *
 * @param scanned       whether the text was read by OCR from a scanned page or an image
 * @param ocrConfidence Tesseract's mean word confidence on that page (0 to 100); null for text the document holds
 */
record CitationView(int n, String documentId, String title, String about, String fileName, Integer page, String chunkText,
                    int start, int end, boolean scanned, Float ocrConfidence) {

    static CitationView of(Source source) {
        return new CitationView(source.n(), source.document().id(), source.document().title(),
                source.document().about(), source.document().fileName(), source.page(), source.text(), source.start(),
                source.end(), source.scanned(), source.ocrConfidence());
    }
}
