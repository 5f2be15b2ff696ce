package dev.groundwork.mcp;

import dev.groundwork.retrieve.Passages;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code get_passage}: one passage read again by the id a search or an answer gave it. */
@Component
class GetPassageTool implements GroundworkTool {

    static final String NAME = "get_passage";

    private final Passages passages;

    GetPassageTool(Passages passages) {
        this.passages = passages;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpSchema.Tool.builder()
                .name(NAME)
                .title("Read a passage")
                .description("Read one passage of a document by its passageId, as search_documents or ask returned it "
                        + "(such as 3f2a9c0d41b7e865:12): its exact text with its document's title, file name, page and "
                        + "headings. The passages around it are the same document id with the number one less or one "
                        + "more: read them for the context of a cited passage.")
                .inputSchema(ToolSchemas.object(Map.of("passageId", ToolSchemas.text(
                        "The passage's id: a document id, a colon and the passage's number.", 40)), "passageId"))
                .annotations(new McpSchema.ToolAnnotations("Read a passage", true, false, true, false, null))
                .build();
    }

    @Override
    public Set<String> arguments() {
        return Set.of("passageId");
    }

    @Override
    public PassageView call(ToolArguments arguments, ToolCall call) {
        PassageId id = PassageId.parse(arguments.requiredText("passageId"));
        return passages.find(id.documentId(), id.ordinal())
                .map(hit -> PassageView.of(hit.document(), hit.chunk(), null))
                .orElseThrow(() -> new ToolFailure("NOT_FOUND", "No passage has the id " + id
                        + ": the document is not indexed, or has fewer passages (ids come from search_documents and "
                        + "ask)."));
    }
}
