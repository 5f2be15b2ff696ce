package dev.groundwork.mcp;

import dev.groundwork.index.ChunkFilter;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.retrieve.Retrieval;
import dev.groundwork.retrieve.RetrievalRequest;
import dev.groundwork.retrieve.RetrievalSettings;
import dev.groundwork.retrieve.Retriever;
import dev.groundwork.security.RateLimiter;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code search_documents}: the passages that best match a query, as {@code GET /api/search} finds them. */
@Component
class SearchDocumentsTool implements GroundworkTool {

    static final String NAME = "search_documents";

    /** The result: the query as searched and its passages, best first. */
    record Result(String query, List<PassageView> passages, long tookMs) {
    }

    private final Retriever retriever;
    private final IngestionService ingestion;
    private final RateLimiter limiter;
    private final RetrievalSettings settings;

    SearchDocumentsTool(Retriever retriever, IngestionService ingestion, RateLimiter limiter,
                        RetrievalSettings settings) {
        this.retriever = retriever;
        this.ingestion = ingestion;
        this.limiter = limiter;
        this.settings = settings;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpSchema.Tool.builder()
                .name(NAME)
                .title("Search the documents")
                .description("Search the user's own documents indexed in Groundwork (PDFs, Office files, web pages, "
                        + "e-mails, ...) and get the passages that match best, best first, each with its document's "
                        + "title, file name, page and exact text, and a passageId for get_passage. Keywords and meaning "
                        + "are both searched, so a question in plain words works. Use it to find evidence to quote or "
                        + "compare, or to see what the documents say on a subject; for a ready answer with citations, "
                        + "use ask instead.")
                .inputSchema(QuestionArguments.schema("query", "What to find: a question or a few key words. Name the "
                        + "organisation, product, person or period you mean; the passages do not know what was said "
                        + "before.", "How many passages to return, best first", settings))
                .annotations(new McpSchema.ToolAnnotations("Search the documents", true, false, true, false, null))
                .build();
    }

    @Override
    public Set<String> arguments() {
        return QuestionArguments.names("query");
    }

    @Override
    public Result call(ToolArguments arguments, ToolCall call) {
        QuestionArguments query = QuestionArguments.read(arguments, "query");
        limiter.takeSearch(call.caller());
        query.requireKnownDocuments(ingestion);
        Retrieval retrieval = retriever.retrieve(new RetrievalRequest(query.text(), query.k(),
                new ChunkFilter(query.documentIds(), Set.of())));
        return new Result(retrieval.query(), retrieval.chunks().stream()
                .map(chunk -> PassageView.of(chunk.document(), chunk.chunk(), chunk.score())).toList(),
                retrieval.tookMs());
    }
}
