package dev.groundwork.mcp;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Model Context Protocol server at {@code /mcp}.
 *
 * @param enabled false: {@code /mcp} is not served (404), for a service that should speak its REST API only
 */
public record McpSettings(@DefaultValue("true") boolean enabled) {
}
