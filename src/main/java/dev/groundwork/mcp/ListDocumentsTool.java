package dev.groundwork.mcp;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestionService;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code list_documents}: what is indexed, newest first, a page at a time. */
@Component
class ListDocumentsTool implements GroundworkTool {

    static final String NAME = "list_documents";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    /** One page of the documents, and how many there are in all. */
    record Result(int total, int offset, List<DocumentSummary> documents) {
    }

    /**
     * A document as the tools show it.
     *
     * @param about    what the document says about itself (organisation, kind, period), or empty
     * @param passages how many passages it has; 0 for an archive or a mailbox, whose members are documents of their own
     * @param kind     {@code document}, {@code archive} or {@code mailbox}
     */
    record DocumentSummary(String id, String title, String about, String fileName, String contentType, Integer pages,
                           int passages, Instant addedAt, String kind) {

        static DocumentSummary of(DocumentRecord record) {
            String kind = !IngestionService.isContainer(record) ? "document"
                    : IngestionService.isMailbox(record) ? "mailbox" : "archive";
            return new DocumentSummary(record.id(), record.title(), record.about(), record.fileName(),
                    record.contentType(), record.pages(), record.chunks(), record.addedAt(), kind);
        }
    }

    private final IngestionService ingestion;

    ListDocumentsTool(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @Override
    public McpSchema.Tool definition() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("offset", ToolSchemas.integer("How many documents to skip (default 0).", 0, Integer.MAX_VALUE));
        properties.put("limit", ToolSchemas.integer("How many documents to return (default " + DEFAULT_LIMIT
                + ", at most " + MAX_LIMIT + ").", 1, MAX_LIMIT));
        return McpSchema.Tool.builder()
                .name(NAME)
                .title("List the documents")
                .description("List the documents indexed in Groundwork, newest first: id, title, what each says about "
                        + "itself (organisation, kind of document, period), file name, type, pages and passages. Use it "
                        + "to learn what the collection holds, or to find the ids that restrict search_documents or ask "
                        + "to some documents. A page at a time: total says how many there are.")
                .inputSchema(ToolSchemas.object(properties))
                .annotations(new McpSchema.ToolAnnotations("List the documents", true, false, true, false, null))
                .build();
    }

    @Override
    public Set<String> arguments() {
        return Set.of("offset", "limit");
    }

    @Override
    public Result call(ToolArguments arguments, ToolCall call) {
        Integer offset = arguments.integer("offset");
        Integer limit = arguments.integer("limit");
        if (offset != null && offset < 0) {
            throw new ToolFailure("INVALID_ARGUMENT", "'offset' must be 0 or more.");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new ToolFailure("INVALID_ARGUMENT", "'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        List<DocumentRecord> documents = ingestion.documents();
        int from = Math.min(offset == null ? 0 : offset, documents.size());
        int to = Math.min(from + (limit == null ? DEFAULT_LIMIT : limit), documents.size());
        return new Result(documents.size(), from,
                documents.subList(from, to).stream().map(DocumentSummary::of).toList());
    }
}
