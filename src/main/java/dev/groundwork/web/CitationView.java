package dev.groundwork.web;

import dev.groundwork.answer.Source;

/**
 * A numbered source as the API shows it: where it comes from (its document's title and what else tells that
 * document apart: organisation, kind, period) and its exact text.
 */
record CitationView(int n, String documentId, String title, String about, String fileName, Integer page, String chunkText,
                    int start, int end) {

    static CitationView of(Source source) {
        return new CitationView(source.n(), source.document().id(), source.document().title(),
                source.document().about(), source.document().fileName(), source.page(), source.text(), source.start(), source.end());
    }
}
