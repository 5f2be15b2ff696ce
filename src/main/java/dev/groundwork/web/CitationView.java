package dev.groundwork.web;

import dev.groundwork.answer.Source;

/** A numbered source as the API shows it: where it comes from and its exact text. */
record CitationView(int n, String documentId, String title, String fileName, Integer page, String chunkText,
                    int start, int end) {

    static CitationView of(Source source) {
        return new CitationView(source.n(), source.document().id(), source.document().title(),
                source.document().fileName(), source.page(), source.text(), source.start(), source.end());
    }
}
