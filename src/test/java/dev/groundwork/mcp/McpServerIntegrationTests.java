package dev.groundwork.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.observe.Outcomes;
import dev.groundwork.support.Http;
import dev.groundwork.support.TestClock;
import dev.groundwork.support.Http.Reply;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server over real HTTP, driven by a client nobody here wrote: the official MCP Java SDK's
 * {@link McpSyncClient} on its streamable HTTP transport (JDK HttpClient). It lists every tool and calls each one
 * against a real index, and sees bad arguments come back as tool errors with the API's stable codes, the sign-in
 * refused as the API refuses it, and the rate limits shared with the API.
 */
@ExtendWith(OutputCaptureExtension.class)
class McpServerIntegrationTests extends McpService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MeterRegistry meters;

    private final List<McpSyncClient> clients = new ArrayList<>();
    private McpSyncClient mcp;
    private String key;

    @BeforeEach
    void connect() {
        key = readerKey();
        mcp = client(key);
    }

    @AfterEach
    void disconnect() {
        clients.forEach(McpSyncClient::close);
    }

    private McpSyncClient client(String bearer) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl())
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) -> {
                    if (bearer != null) {
                        request.header("Authorization", "Bearer " + bearer);
                    }
                })
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("groundwork-tests", "1"))
                .requestTimeout(Duration.ofSeconds(60))
                .build();
        clients.add(client);
        client.initialize();
        return client;
    }

    private CallToolResult call(String tool, Map<String, Object> arguments) {
        return mcp.callTool(new CallToolRequest(tool, arguments));
    }

    /** A successful call's structured content, after checking its text is the same JSON. */
    private static JsonNode ok(CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isFalse();
        JsonNode structured = JSON.valueToTree(result.structuredContent());
        assertThat(JSON.readTree(text(result))).isEqualTo(structured);
        return structured;
    }

    /** A failed call's code, after checking its text leads with it and says why. */
    private static String failed(CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isTrue();
        JsonNode problem = JSON.valueToTree(result.structuredContent());
        String code = problem.path("code").asString();
        assertThat(text(result)).startsWith(code + ": ").hasSizeGreaterThan(code.length() + 10);
        assertThat(problem.path("detail").asString()).isNotBlank();
        return code;
    }

    private double failedQuestions(String code) {
        Counter counter = meters.find(Outcomes.QUESTIONS).tag("outcome", "error").tag("reason", code).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    @Test
    void listsEveryToolWithADescriptionAModelCanChooseBy() {
        McpSchema.InitializeResult init = mcp.getCurrentInitializationResult();
        assertThat(init.serverInfo().name()).isEqualTo("groundwork");
        assertThat(init.instructions()).contains("documents");

        List<McpSchema.Tool> tools = mcp.listTools().tools();

        assertThat(tools).extracting(McpSchema.Tool::name)
                .containsExactlyInAnyOrder("search_documents", "ask", "list_documents", "get_passage");
        for (McpSchema.Tool tool : tools) {
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(150);
            assertThat(tool.inputSchema()).as(tool.name()).containsEntry("type", "object");
            assertThat(tool.annotations().readOnlyHint()).as(tool.name()).isTrue();
        }
        assertThat(tools).filteredOn(tool -> tool.name().equals("search_documents")).first()
                .satisfies(tool -> assertThat(tool.inputSchema().get("required")).isEqualTo(List.of("query")));
        assertThat(tools).filteredOn(tool -> tool.name().equals("ask")).first()
                .satisfies(tool -> assertThat(tool.inputSchema().get("required")).isEqualTo(List.of("question")));
    }

    @Test
    void searchFindsPassagesWithTitleFilePageAndTextAndGetPassageReadsThemBack() {
        JsonNode search = ok(call("search_documents", Map.of("query", "What should the boiler pressure gauge read?",
                "k", 3)));

        assertThat(search.path("query").asString()).isEqualTo("What should the boiler pressure gauge read?");
        JsonNode best = search.path("passages").get(0);
        assertThat(search.path("passages").size()).isBetween(1, 3);
        assertThat(best.path("documentId").asString()).isEqualTo(manualId);
        assertThat(best.path("fileName").asString()).isEqualTo("heating-manual.pdf");
        assertThat(best.path("title").asString()).isNotBlank();
        assertThat(best.path("page").asInt()).isEqualTo(2);
        assertThat(best.path("text").asString()).contains(GAUGE);
        assertThat(best.path("score").isNumber()).isTrue();
        assertThat(best.path("passageId").asString()).matches(manualId + ":\\d+");

        JsonNode passage = ok(call("get_passage", Map.of("passageId", best.path("passageId").asString())));

        assertThat(passage.path("text").asString()).isEqualTo(best.path("text").asString());
        assertThat(passage.path("page").asInt()).isEqualTo(2);
        assertThat(passage.path("fileName").asString()).isEqualTo("heating-manual.pdf");
        assertThat(passage.path("score").isNull()).isTrue();
    }

    @Test
    void searchKeepsToTheDocumentsNamed() {
        JsonNode search = ok(call("search_documents", Map.of("query", "boiler pressure", "documentIds",
                List.of(plansId))));

        assertThat(search.path("passages")).isNotEmpty()
                .allSatisfy(passage -> assertThat(passage.path("documentId").asString()).isEqualTo(plansId));
    }

    @Test
    void askAnswersWithCitationsAPassageCanBeReadBackBy() {
        JsonNode answer = ok(call("ask", Map.of("question", "What should the boiler pressure gauge read?")));

        assertThat(answer.path("abstained").asBoolean()).isFalse();
        assertThat(answer.path("mode").asString()).isEqualTo("extractive");
        assertThat(answer.path("answer").asString()).contains("1.2 and 1.8 bar").contains("[1]");
        JsonNode citation = answer.path("citations").get(0);
        assertThat(citation.path("n").asInt()).isEqualTo(1);
        assertThat(citation.path("documentId").asString()).isEqualTo(manualId);
        assertThat(citation.path("fileName").asString()).isEqualTo("heating-manual.pdf");
        assertThat(citation.path("page").asInt()).isEqualTo(2);
        assertThat(citation.path("text").asString()).contains(GAUGE);

        JsonNode passage = ok(call("get_passage", Map.of("passageId", citation.path("passageId").asString())));
        assertThat(passage.path("text").asString()).contains(GAUGE);
    }

    @Test
    void askAbstainsWhenTheDocumentsDoNotHoldTheAnswer() {
        JsonNode answer = ok(call("ask", Map.of("question", "Which country won the football world cup in 1954?")));

        assertThat(answer.path("abstained").asBoolean()).isTrue();
        assertThat(answer.path("citations")).isEmpty();
        assertThat(answer.path("answer").asString()).isNotBlank().doesNotContain("[1]");
    }

    @Test
    void listDocumentsGivesTheIndexedDocumentsAPageAtATime() {
        JsonNode all = ok(call("list_documents", Map.of()));

        assertThat(all.path("total").asInt()).isEqualTo(2);
        assertThat(all.path("documents")).extracting(document -> document.path("id").asString())
                .containsExactlyInAnyOrder(manualId, plansId);
        JsonNode manual = all.path("documents").findParents("id").stream()
                .filter(document -> document.path("id").asString().equals(manualId)).findFirst().orElseThrow();
        assertThat(manual.path("fileName").asString()).isEqualTo("heating-manual.pdf");
        assertThat(manual.path("pages").asInt()).isEqualTo(2);
        assertThat(manual.path("passages").asInt()).isPositive();
        assertThat(manual.path("kind").asString()).isEqualTo("document");

        JsonNode second = ok(call("list_documents", Map.of("offset", 1, "limit", 1)));
        assertThat(second.path("total").asInt()).isEqualTo(2);
        assertThat(second.path("offset").asInt()).isEqualTo(1);
        assertThat(second.path("documents")).hasSize(1);
        assertThat(second.path("documents").get(0).path("id").asString())
                .isEqualTo(all.path("documents").get(1).path("id").asString());
    }

    @Test
    void badArgumentsAreToolErrorsWithTheStableCodes() {
        assertThat(failed(call("search_documents", Map.of("query", "  ")))).isEqualTo("BLANK_QUERY");
        assertThat(failed(call("search_documents", Map.of("query", "x".repeat(2001))))).isEqualTo("QUERY_TOO_LONG");
        assertThat(failed(call("search_documents", Map.of("query", "boiler", "k", 0)))).isEqualTo("INVALID_K");
        assertThat(failed(call("search_documents", Map.of("query", "boiler", "k", "5")))).isEqualTo("INVALID_ARGUMENT");
        assertThat(failed(call("search_documents", Map.of("q", "boiler")))).isEqualTo("INVALID_ARGUMENT");
        assertThat(failed(call("search_documents", Map.of()))).isEqualTo("INVALID_ARGUMENT");
        assertThat(failed(call("ask", Map.of("question", "boiler?", "documentIds", List.of("0000000000000000")))))
                .isEqualTo("NOT_FOUND");
        assertThat(failed(call("ask", Map.of("question", "boiler?", "documentIds", "0000000000000000"))))
                .isEqualTo("INVALID_ARGUMENT");
        double blankBefore = failedQuestions("BLANK_QUERY");
        assertThat(failed(call("ask", Map.of("question", "")))).isEqualTo("BLANK_QUERY");
        assertThat(failedQuestions("BLANK_QUERY")).as("a failed ask counts as the API's failed questions do")
                .isEqualTo(blankBefore + 1);
        assertThat(failed(call("get_passage", Map.of("passageId", "the second one")))).isEqualTo("INVALID_PASSAGE_ID");
        assertThat(failed(call("get_passage", Map.of("passageId", manualId + ":99999")))).isEqualTo("NOT_FOUND");
        assertThat(failed(call("list_documents", Map.of("limit", 0)))).isEqualTo("INVALID_ARGUMENT");
        assertThat(text(call("search_documents", Map.of("q", "boiler"))))
                .isEqualTo("INVALID_ARGUMENT: search_documents takes no argument 'q'; it takes documentIds, k, query.");
    }

    @Test
    void eachDocumentIsAResourceHoldingItsTextPageByPage() {
        assertThat(mcp.listResourceTemplates().resourceTemplates()).extracting(McpSchema.ResourceTemplate::uriTemplate)
                .containsExactly("groundwork://documents/{id}");

        McpSchema.ReadResourceResult read = mcp.readResource(
                new McpSchema.ReadResourceRequest("groundwork://documents/" + manualId));

        McpSchema.TextResourceContents contents = (McpSchema.TextResourceContents) read.contents().get(0);
        assertThat(contents.uri()).isEqualTo("groundwork://documents/" + manualId);
        assertThat(contents.mimeType()).isEqualTo("text/markdown");
        assertThat(contents.text()).contains("heating-manual.pdf", "## Page 1", "## Page 2", GAUGE);
        assertThat(contents.text().indexOf(GAUGE)).isEqualTo(contents.text().lastIndexOf(GAUGE));
        assertThat(contents.text().indexOf("## Page 1")).isLessThan(contents.text().indexOf("## Page 2"));

        assertThatThrownBy(() -> mcp.readResource(new McpSchema.ReadResourceRequest(
                "groundwork://documents/0000000000000000")))
                .isInstanceOf(McpError.class)
                .satisfies(error -> assertThat(((McpError) error).getJsonRpcError().code())
                        .isEqualTo(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND))
                .hasMessageContaining("list_documents");
    }

    @Test
    void withoutAValidKeyTheEndpointIs401AsTheApiIs() {
        Reply anonymous = Http.to(baseUrl()).method("POST", "/mcp").json(initialize()).send();

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThatThrownBy(() -> client("gwk_aaaaaaaa_" + "A".repeat(43))).hasStackTraceContaining("401");
        assertThatThrownBy(() -> client(null)).hasStackTraceContaining("401");
    }

    @Test
    void aMessageThatIsNotJsonRpcIsAJsonRpcErrorThatTellsNothingOfTheInside(CapturedOutput output) {
        Reply notJson = Http.to(baseUrl()).post("/mcp").bearer(key)
                .header("Accept", "application/json, text/event-stream").json("not json").send();

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(notJson.json().path("error").path("code").asInt()).isEqualTo(McpSchema.ErrorCodes.INVALID_REQUEST);
        assertThat(notJson.body()).doesNotContain("stackTrace", "io.modelcontextprotocol", "Exception");

        Reply tooLarge = Http.to(baseUrl()).post("/mcp").bearer(key)
                .header("Accept", "application/json, text/event-stream").json("{\"jsonrpc\":\"2.0\",\"id\":1,"
                        + "\"method\":\"tools/call\",\"params\":{\"name\":\"ask\",\"arguments\":{\"question\":\""
                        + "x".repeat(70_000) + "\"}}}").send();

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("TOO_LARGE");
        // a tool call is no write: nothing for the audit log, refused or not
        assertThat(output.getAll()).doesNotContain("path=/mcp");
    }

    @Test
    void keepsNoSessionsSoThereIsNoStreamToOpenAndNoneToEnd() {
        Reply get = Http.to(baseUrl()).get("/mcp").bearer(key).header("Accept", "text/event-stream").send();
        Reply delete = Http.to(baseUrl()).delete("/mcp").bearer(key).send();

        assertThat(get.status()).as(get.body()).isEqualTo(405);
        assertThat(delete.status()).as(delete.body()).isEqualTo(405);
        assertThat(mcp.getCurrentInitializationResult()).isNotNull();
        assertThat(mcp.ping()).isNotNull();
    }

    @Test
    void searchesOverMcpAndTheApiTakeFromOneAllowance() {
        assertThat(clock).as("allowances refill on the test's clock").isInstanceOf(TestClock.class);
        for (int i = 0; i < 5; i++) {
            ok(call("search_documents", Map.of("query", "refund")));
        }
        Reply api = Http.to(baseUrl()).get("/api/search?q=refund").bearer(key).send();
        assertThat(api.status()).isEqualTo(200);

        CallToolResult limited = call("search_documents", Map.of("query", "refund"));

        assertThat(failed(limited)).isEqualTo("RATE_LIMITED");
        assertThat(text(limited)).contains("at most 6 a minute");
        assertThat(Http.to(baseUrl()).get("/api/search?q=refund").bearer(key).send().status()).isEqualTo(429);
        // another caller keeps its own allowance
        ok(client(readerKey()).callTool(new CallToolRequest("search_documents", Map.of("query", "refund"))));
    }

    private static String initialize() {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}";
    }
}
