package dev.groundwork.mcp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SDK's servlet answers a message it cannot take (not JSON-RPC, no {@code Accept} naming both JSON and event
 * streams) with the whole Java exception as JSON, stack trace and class names included. That says too much of the
 * inside, and is not what a client reads: such a reply is rewritten as the JSON-RPC error it stands for,
 * {@code {"jsonrpc": "2.0", "id": null, "error": {"code", "message"}}}, with the same status. Every other reply goes
 * out as it was written (the stateless transport writes each reply whole, so holding it back streams nothing later).
 */
final class JsonRpcErrorReplies extends OncePerRequestFilter {

    private final JsonMapper json;

    JsonRpcErrorReplies(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper reply = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, reply);
            if (reply.getStatus() >= 400) {
                rewrite(reply);
            }
        } finally {
            reply.copyBodyToResponse();
        }
    }

    private void rewrite(ContentCachingResponseWrapper reply) throws IOException {
        JsonNode error;
        try {
            error = json.readTree(reply.getContentAsByteArray()).path("jsonRpcError");
        } catch (JacksonException notJson) {
            return;
        }
        if (!error.isObject()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jsonrpc", "2.0");
        body.put("id", null);
        body.put("error", Map.of("code", error.path("code").asInt(-32600),
                "message", error.path("message").asString("Invalid request")));
        reply.resetBuffer();
        reply.setContentType(MediaType.APPLICATION_JSON_VALUE);
        reply.getOutputStream().write(json.writeValueAsBytes(body));
    }
}
