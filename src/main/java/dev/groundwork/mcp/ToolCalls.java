package dev.groundwork.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a {@link GroundworkTool} for the MCP server: reads the arguments, calls it, and answers with its result as
 * structured content and as JSON text (what a model reads), or with a tool error ({@code isError}) whose text starts
 * with the stable code ({@code NOT_FOUND: No document has the id ...}) and whose structured content is
 * {@code {"code", "detail"}}. A tool error is what the protocol asks for a failure the model can act on; a protocol
 * error would tell it nothing it could fix.
 */
final class ToolCalls {

    /** Where the request's caller is kept in the transport context, told on the request's thread. */
    static final String CALL = ToolCall.class.getName();

    private final JsonMapper json;

    ToolCalls(JsonMapper json) {
        this.json = json;
    }

    SyncToolSpecification specification(GroundworkTool tool) {
        return SyncToolSpecification.builder()
                .tool(tool.definition())
                .callHandler((context, request) -> call(tool, context, request))
                .build();
    }

    CallToolResult call(GroundworkTool tool, McpTransportContext context, CallToolRequest request) {
        try {
            ToolArguments arguments = ToolArguments.of(tool.definition().name(), request.arguments(), tool.arguments());
            Object result = tool.call(arguments, (ToolCall) context.get(CALL));
            return CallToolResult.builder()
                    .content(List.of(new TextContent(json.writeValueAsString(result))))
                    .structuredContent(result)
                    .isError(false)
                    .build();
        } catch (RuntimeException e) {
            ToolFailure failure = ToolErrors.of(e);
            tool.failed(failure);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("code", failure.code());
            problem.put("detail", failure.getMessage());
            return CallToolResult.builder()
                    .content(List.of(new TextContent(failure.code() + ": " + failure.getMessage())))
                    .structuredContent(problem)
                    .isError(true)
                    .build();
        }
    }
}
