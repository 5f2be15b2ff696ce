package dev.groundwork.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    private static final Path SCRIPT = Path.of("src/test/node/mcp");
    private static final Path WORK = Path.of("target/mcp-node");

    @BeforeAll
    static void nodeAndNpm() throws Exception {
        for (String tool : List.of("node", "npm")) {
            String missing = tool + " is not on this machine (" + tool + " --version failed), so the npm client of "
                    + "the MCP server is not tried";
            boolean found = run(List.of(tool, "--version"), Path.of("."), 30).exit() == 0;
            if (!found) {
                System.out.println("SKIPPED McpNodeClientIntegrationTests: " + missing);
            }
            assumeTrue(found, missing);
        }
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "client.mjs")) {
            Files.copy(SCRIPT.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Ran install = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"), WORK, 300);
        assertThat(install.exit()).as("npm install: " + install.output()).isZero();
    }

    @Test
    void theTypeScriptSdkClientListsAndCallsEveryTool() throws Exception {
        Ran client = run(List.of("node", "client.mjs", baseUrl() + "/mcp", readerKey(),
                "What should the boiler pressure gauge read?", "How long after the first payment are refunds given?"),
                WORK, 120);

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

    private record Ran(int exit, String output) {
    }

    /** Runs a command to its end (or its time limit), its output and errors together. */
    private static Ran run(List<String> command, Path directory, int seconds) throws InterruptedException {
        try {
            Path output = Files.createTempFile("mcp-node-", ".log");
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                return new Ran(-1, command + " still running after " + seconds + " s: "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Ran(process.exitValue(), text);
        } catch (IOException e) {
            return new Ran(-1, command.get(0) + " could not be started: " + e.getMessage());
        }
    }
}
