package dev.groundwork.mcp;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.retrieve.Passages;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Each document as an MCP resource, {@code groundwork://documents/{id}}: its text, page by page, for a client that
 * attaches a whole document to a conversation rather than searching it. A template, not a list: the documents change
 * while the server runs, and {@code list_documents} gives the ids.
 */
@Component
class DocumentResources {

    static final String TEMPLATE = "groundwork://documents/{id}";
    private static final Pattern URI = Pattern.compile("groundwork://documents/([0-9a-f]{16})");

    private final IngestionService ingestion;
    private final Passages passages;

    DocumentResources(IngestionService ingestion, Passages passages) {
        this.ingestion = ingestion;
        this.passages = passages;
    }

    SyncResourceTemplateSpecification specification() {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder()
                .uriTemplate(TEMPLATE)
                .name("document")
                .title("A document's text")
                .description("The text of one indexed document, page by page, with its title and file name; the id "
                        + "is a document id from list_documents (or a passage's documentId). Long documents are long: "
                        + "search_documents finds the passages that matter.")
                .mimeType("text/markdown")
                .build();
        return new SyncResourceTemplateSpecification(template, (context, request) -> read(request.uri()));
    }

    McpSchema.ReadResourceResult read(String uri) {
        Matcher matcher = URI.matcher(uri == null ? "" : uri);
        Optional<DocumentRecord> document = matcher.matches() ? ingestion.find(matcher.group(1)) : Optional.empty();
        if (document.isEmpty()) {
            throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                    .message("No document has the URI " + uri + "; list_documents gives the ids there are.")
                    .data(Map.of("code", "NOT_FOUND", "uri", String.valueOf(uri)))
                    .build();
        }
        String text = DocumentText.of(document.get(), passages.ofDocument(document.get().id()));
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "text/markdown", text)));
    }
}
