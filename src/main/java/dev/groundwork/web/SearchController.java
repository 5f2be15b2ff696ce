package dev.groundwork.web;

import dev.groundwork.index.ChunkFilter;
import dev.groundwork.retrieve.Retrieval;
import dev.groundwork.retrieve.RetrievalRequest;
import dev.groundwork.retrieve.Retriever;
import java.util.List;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hybrid search over the chunks, for clients that want passages rather than answers. */
@RestController
class SearchController {

    private final Retriever retriever;

    SearchController(Retriever retriever) {
        this.retriever = retriever;
    }

    @GetMapping("/api/search")
    SearchResponse search(@RequestParam(name = "q", required = false) String query,
                          @RequestParam(required = false) Integer k,
                          @RequestParam(name = "documentId", required = false) List<String> documentIds,
                          @RequestParam(name = "contentType", required = false) List<String> contentTypes) {
        ChunkFilter filter = new ChunkFilter(toSet(documentIds), toSet(contentTypes));
        Retrieval retrieval = retriever.retrieve(new RetrievalRequest(query == null ? "" : query, k, filter));
        return new SearchResponse(retrieval.query(), retrieval.chunks().stream().map(SearchHit::of).toList(),
                retrieval.tookMs());
    }

    private static Set<String> toSet(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
