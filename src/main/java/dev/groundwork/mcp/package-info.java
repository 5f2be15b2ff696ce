/**
 * The Model Context Protocol server: Groundwork's search, answers and documents as tools an assistant calls over
 * the streamable HTTP transport at {@code /mcp} (the official MCP Java SDK, stateless, so any node of several can
 * answer any call), behind the same sign-in, roles and rate limits as the REST API.
 */
package dev.groundwork.mcp;
