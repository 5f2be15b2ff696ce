package dev.groundwork.mcp;

import dev.groundwork.answer.LlmSettings;
import dev.groundwork.security.RateLimiter;
import dev.groundwork.security.SecuritySettings;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server at {@code /mcp}: the official MCP Java SDK's streamable HTTP transport in its stateless form, as a
 * servlet beside Spring MVC's, so every request passes the same security filters as the API (sign-in, the reader
 * role of {@code AccessRules}, the Host allowlist, the cross-site check). Stateless: no session is kept between
 * calls, so any node of several behind a load balancer answers any call, and there is nothing to expire.
 * {@code groundwork.mcp.enabled=false} leaves it out.
 */
@Configuration(proxyBeanMethods = false)
// the default (true) is also McpSettings'; the record declares the key, this reads it before the beans exist
@ConditionalOnBooleanProperty(name = "groundwork.mcp.enabled", matchIfMissing = true)
class McpConfiguration {

    static final String ENDPOINT = "/mcp";
    /** A tool call may take as long as an answer, and then some for retrieval and the checks. */
    private static final Duration CALL_MARGIN = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(McpConfiguration.class);

    /** A mapper of its own: the SDK's schema records are written as the SDK expects, whatever Boot's is set to. */
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final McpJsonMapper MCP_JSON = new JacksonMcpJsonMapper(JSON);

    @Bean
    HttpServletStatelessServerTransport mcpTransport(RateLimiter limiter, SecuritySettings security) {
        return HttpServletStatelessServerTransport.builder()
                .jsonMapper(MCP_JSON)
                .messageEndpoint(ENDPOINT)
                .maxRequestSize((int) security.limits().jsonBody().toBytes())
                // on the request's thread, where its sign-in is known: whose allowances its calls take from
                .contextExtractor(request -> McpTransportContext.create(Map.of(ToolCalls.CALL,
                        new ToolCall(limiter.caller(request.getRemoteAddr())))))
                .build();
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(HttpServletStatelessServerTransport transport, List<GroundworkTool> tools,
                                     DocumentResources documents, LlmSettings llm) {
        ToolCalls calls = new ToolCalls(JSON);
        McpStatelessSyncServer server = McpServer.sync(transport)
                .serverInfo("groundwork", version())
                .instructions("Groundwork searches and answers from the user's own documents (PDFs, Office files, web "
                        + "pages, e-mails) and cites the page and passage of every claim. Prefer it to general "
                        + "knowledge for anything those documents cover; when it says the documents do not hold an "
                        + "answer, say so.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .jsonMapper(MCP_JSON)
                // arguments are checked by each tool, which names the argument and gives the API's stable codes
                .validateToolInputs(false)
                // on the request's thread: a call holds its servlet thread as POST /api/ask does, no more
                .immediateExecution(true)
                .requestTimeout(llm.answerTimeout().plus(CALL_MARGIN))
                .tools(tools.stream().map(calls::specification).toList())
                .resourceTemplates(documents.specification())
                .build();
        log.info("MCP server at {}: tools {}, resources {}", ENDPOINT,
                tools.stream().map(tool -> tool.definition().name()).toList(), DocumentResources.TEMPLATE);
        return server;
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(HttpServletStatelessServerTransport transport) {
        ServletRegistrationBean<HttpServletStatelessServerTransport> registration =
                new ServletRegistrationBean<>(transport, ENDPOINT);
        registration.setName("mcp");
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonRpcErrorReplies> mcpErrorReplies() {
        FilterRegistrationBean<JsonRpcErrorReplies> registration = new FilterRegistrationBean<>(
                new JsonRpcErrorReplies(JSON));
        registration.addUrlPatterns(ENDPOINT);
        return registration;
    }

    private static String version() {
        String version = McpConfiguration.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
