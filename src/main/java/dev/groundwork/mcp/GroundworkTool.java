package dev.groundwork.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.Set;

/**
 * One tool of the MCP server: what it is, as a model reads it when choosing a tool, and what a call does. A call
 * returns its result as a record (the structured content, and its JSON as the text a model reads) or throws; what it
 * throws becomes a tool error with a stable code ({@link ToolErrors}).
 */
interface GroundworkTool {

    McpSchema.Tool definition();

    /** The arguments it takes, by name; any other is refused. */
    Set<String> arguments();

    Object call(ToolArguments arguments, ToolCall call);

    /** Told when a call ended in a tool error (after it was logged, if it had to be). */
    default void failed(ToolFailure failure) {
    }
}
