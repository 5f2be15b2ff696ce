package dev.groundwork.mcp;

import dev.groundwork.security.RateLimiter;

/**
 * What a tool call knows of the request that carried it, told on the request's thread.
 *
 * @param caller whose allowances of questions and searches the call takes from
 */
record ToolCall(RateLimiter.Caller caller) {
}
