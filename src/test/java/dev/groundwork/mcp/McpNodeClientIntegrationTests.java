package dev.groundwork.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.NodeScript;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server driven by the official TypeScript SDK's client ({@code @modelcontextprotocol/sdk} from npm, the
 * version pinned in {@code src/test/node/mcp/package.json}), as assistants built on it connect: a script lists and
 * calls every tool (and reads a document resource) over the streamable HTTP transport and prints what it got, one JSON line per step. The package is
 * installed into {@code target/mcp-node} once. Skipped, with the reason printed, only where node or npm is missing.
 */
class McpNodeClientIntegrationTests extends McpService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path work;

    @BeforeAll
    static void nodeAndNpm() throws Exception {
        work = NodeScript.install("mcp", List.of("package.json", "client.mjs"), "the MCP server's npm client");
    }

    @Test
    void theTypeScriptSdkClientListsAndCallsEveryTool() throws Exception {
        NodeScript.Ran client = NodeScript.run(List.of("node", "client.mjs", baseUrl() + "/mcp", readerKey(),
                "What should the boiler pressure gauge read?", "How long after the first payment are refunds given?"),
                work, Map.of(), 120);

        assertThat(client.exit()).as(client.output()).isZero();
        Map<String, JsonNode> steps = new HashMap<>();
        client.output().lines().filter(line -> line.startsWith("{\"step\""))
                .map(JSON::readTree).forEach(step -> steps.put(step.path("step").asString(), step));
        assertThat(steps).as(client.output()).containsKeys("anonymous", "server", "tools", "search_documents",
                "get_passage", "ask", "list_documents", "resource", "bad_argument", "done");

        assertThat(steps.get("anonymous").path("connected").asBoolean()).isFalse();
        assertThat(steps.get("anonymous").path("error").asString()).contains("401");
        assertThat(steps.get("server").path("name").asString()).isEqualTo("groundwork");
        assertThat(steps.get("tools").path("names")).extracting(JsonNode::asString)
                .containsExactly("ask", "get_passage", "list_documents", "search_documents");

        JsonNode search = steps.get("search_documents");
        assertThat(search.path("isError").asBoolean()).as(search.toString()).isFalse();
        JsonNode best = search.path("structured").path("passages").get(0);
        assertThat(best.path("documentId").asString()).isEqualTo(plansId);
        assertThat(best.path("fileName").asString()).isEqualTo("support-plans.md");
        assertThat(best.path("text").asString()).contains(REFUNDS);
        assertThat(JSON.readTree(search.path("text").asString())).isEqualTo(search.path("structured"));

        JsonNode passage = steps.get("get_passage");
        assertThat(passage.path("isError").asBoolean()).as(passage.toString()).isFalse();
        assertThat(passage.path("structured").path("passageId").asString()).isEqualTo(best.path("passageId").asString());
        assertThat(passage.path("structured").path("text").asString()).isEqualTo(best.path("text").asString());

        JsonNode ask = steps.get("ask").path("structured");
        assertThat(steps.get("ask").path("isError").asBoolean()).as(steps.get("ask").toString()).isFalse();
        assertThat(ask.path("abstained").asBoolean()).isFalse();
        assertThat(ask.path("answer").asString()).contains("1.2 and 1.8 bar").contains("[1]");
        assertThat(ask.path("citations").get(0).path("page").asInt()).isEqualTo(2);
        assertThat(ask.path("citations").get(0).path("fileName").asString()).isEqualTo("heating-manual.pdf");

        JsonNode documents = steps.get("list_documents").path("structured");
        assertThat(documents.path("total").asInt()).isEqualTo(2);
        assertThat(documents.path("documents")).extracting(document -> document.path("id").asString())
                .containsExactlyInAnyOrder(manualId, plansId);

        JsonNode resource = steps.get("resource");
        assertThat(resource.path("templates")).extracting(JsonNode::asString)
                .containsExactly("groundwork://documents/{id}");
        assertThat(resource.path("uri").asString()).isEqualTo("groundwork://documents/" + plansId);
        assertThat(resource.path("mimeType").asString()).isEqualTo("text/markdown");
        assertThat(resource.path("text").asString()).contains("support-plans.md", REFUNDS);

        JsonNode bad = steps.get("bad_argument");
        assertThat(bad.path("isError").asBoolean()).isTrue();
        assertThat(bad.path("structured").path("code").asString()).isEqualTo("INVALID_K");
        assertThat(bad.path("text").asString()).startsWith("INVALID_K: ");
    }
}
