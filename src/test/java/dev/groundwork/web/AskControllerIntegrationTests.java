package dev.groundwork.web;

import static dev.groundwork.support.FakeOpenAiServer.dropAfter;
import static dev.groundwork.support.FakeOpenAiServer.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.IngestionService;
import dev.groundwork.support.FakeOpenAiServer;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.SseClient;
import dev.groundwork.support.SseClient.Event;
import dev.groundwork.support.TestDirs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/ask} and {@code GET /api/ask/stream} over real HTTP, with an LLM the test runs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AskControllerIntegrationTests {

    private static final FakeOpenAiServer LLM = FakeOpenAiServer.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String QUESTION = "What should the boiler pressure gauge read?";
    private static final String GAUGE = "The pressure gauge of the boiler should read between 1.2 and 1.8 bar when the system is cold.";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
        registry.add("groundwork.llm.base-url", LLM::baseUrl);
        registry.add("groundwork.llm.first-token-timeout", () -> "2s");
        registry.add("groundwork.llm.answer-timeout", () -> "5s");
        registry.add("groundwork.llm.circuit-failures", () -> "100");
    }

    @AfterAll
    static void stopServer() {
        LLM.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    IngestionService ingestion;

    private static String manualId;

    @BeforeEach
    void given() {
        if (manualId == null) {
            manualId = ingestion.upload("heating-manual.pdf", new ByteArrayInputStream(Fixtures.pdf(
                    "Heating manual. This manual explains the heating system of the Elm Street office.",
                    "The boiler is serviced once a year by a certified engineer. " + GAUGE
                            + " Radiators are bled every autumn."))).document().id();
        }
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String query(String question) {
        return URLEncoder.encode(question, StandardCharsets.UTF_8);
    }

    @Test
    void postAnswersWithTheDocumentedShape() throws Exception {
        LLM.reply(stream("The gauge should read between 1.2 and 1.8 bar ", "when the system is cold [1]."));

        HttpResponse<String> response = post("{\"question\": \"" + QUESTION + "\", \"k\": 3, \"documentIds\": [\""
                + manualId + "\"]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("answer").asString()).isEqualTo("The gauge should read between 1.2 and 1.8 bar when the system is cold [1].");
        assertThat(body.get("mode").asString()).isEqualTo("llm");
        assertThat(body.get("abstained").asBoolean()).isFalse();
        assertThat(body.has("fallbackReason")).isFalse();
        JsonNode citation = body.get("citations").get(0);
        assertThat(citation.get("n").asInt()).isEqualTo(1);
        assertThat(citation.get("documentId").asString()).isEqualTo(manualId);
        assertThat(citation.get("title").asString()).isNotBlank();
        assertThat(citation.get("fileName").asString()).isEqualTo("heating-manual.pdf");
        assertThat(citation.get("page").asInt()).isEqualTo(2);
        assertThat(citation.get("chunkText").asString()).contains(GAUGE);
        assertThat(citation.get("end").asInt() - citation.get("start").asInt())
                .isEqualTo(citation.get("chunkText").asString().length());
        JsonNode sentence = body.get("sentences").get(0);
        assertThat(sentence.get("text").asString()).isEqualTo("The gauge should read between 1.2 and 1.8 bar when the system is cold.");
        assertThat(sentence.get("citations").get(0).asInt()).isEqualTo(1);
        assertThat(sentence.get("supported").asBoolean()).isTrue();
        assertThat(sentence.get("support").asDouble()).isBetween(0.0, 1.0);
        assertThat(body.get("timings").has("retrievalMs")).isTrue();
        assertThat(body.get("timings").has("generationMs")).isTrue();
    }

    @Test
    void theStreamSendsSourcesThenTokensThenTheCheckedAnswer() throws Exception {
        LLM.reply(stream("The gauge ", "should read between 1.2 and 1.8 bar ", "when cold [1] [4]."));

        SseClient.Result result = SseClient.get(uri("/api/ask/stream?question=" + query(QUESTION)));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.contentType()).startsWith("text/event-stream");
        List<String> names = result.events().stream().map(Event::name).toList();
        assertThat(names).containsExactly("sources", "token", "token", "token", "done");
        JsonNode sources = JSON.readTree(result.events().get(0).data()).get("sources");
        assertThat(sources.get(0).get("n").asInt()).isEqualTo(1);
        assertThat(sources.get(0).get("chunkText").asString()).contains(GAUGE);
        String streamed = String.join("", result.events().subList(1, 4).stream()
                .map(event -> readText(event.data())).toList());
        assertThat(streamed).isEqualTo("The gauge should read between 1.2 and 1.8 bar when cold [1] [4].");
        JsonNode done = JSON.readTree(result.events().get(4).data());
        assertThat(done.get("answer").asString()).isEqualTo("The gauge should read between 1.2 and 1.8 bar when cold [1].");
        assertThat(done.get("invalidCitations").get(0).asInt()).isEqualTo(4);
        assertThat(done.get("mode").asString()).isEqualTo("llm");
    }

    @Test
    void theStreamSaysWhereEachMarkerIsAndTheAnswerWhereEachSentenceIs() throws Exception {
        LLM.reply(stream("The gauge should read between 1.2 and 1.8 bar when cold [", "1]. Radiators are ",
                "bled [1] [4]."));

        SseClient.Result result = SseClient.get(uri("/api/ask/stream?question=" + query(QUESTION)));

        List<Event> tokens = result.events().stream().filter(event -> event.name().equals("token")).toList();
        String streamed = String.join("", tokens.stream().map(event -> readText(event.data())).toList());
        assertThat(JSON.readTree(tokens.get(0).data()).get("markers")).as("a marker still being written").isEmpty();
        List<String> completed = new ArrayList<>();
        for (Event token : tokens) {
            for (JsonNode marker : JSON.readTree(token.data()).get("markers")) {
                completed.add(streamed.substring(marker.get("start").asInt(), marker.get("end").asInt()) + "="
                        + marker.get("citations"));
            }
        }
        assertThat(completed).containsExactly("[1]=[1]", "[1]=[1]", "[4]=[4]");

        JsonNode done = JSON.readTree(result.events().get(result.events().size() - 1).data());
        String answer = done.get("answer").asString();
        JsonNode first = done.get("sentences").get(0);
        assertThat(answer.substring(first.get("start").asInt(), first.get("end").asInt()))
                .isEqualTo("The gauge should read between 1.2 and 1.8 bar when cold [1].");
        JsonNode marker = first.get("markers").get(0);
        assertThat(answer.substring(marker.get("start").asInt(), marker.get("end").asInt())).isEqualTo("[1]");
        JsonNode supporting = first.get("supportedBy").get(0);
        String passage = done.get("citations").get(0).get("chunkText").asString();
        assertThat(supporting.get("n").asInt()).isEqualTo(1);
        assertThat(passage.substring(supporting.get("start").asInt(), supporting.get("end").asInt())).isEqualTo(GAUGE);
        assertThat(supporting.get("quoted").asBoolean()).isFalse();
    }

    @Test
    void aStreamThatBreaksOffEndsWithTheExtractiveAnswerAndItsReason() throws Exception {
        LLM.reply(dropAfter("The gauge ", "should"));

        SseClient.Result result = SseClient.get(uri("/api/ask/stream?question=" + query(QUESTION)));

        List<String> names = result.events().stream().map(Event::name).toList();
        assertThat(names).containsExactly("sources", "token", "token", "done");
        JsonNode done = JSON.readTree(result.events().get(3).data());
        assertThat(done.get("mode").asString()).isEqualTo("extractive");
        assertThat(done.get("fallbackReason").asString()).isEqualTo("LLM_STREAM_DROPPED");
        assertThat(done.get("answer").asString()).contains(GAUGE);
    }

    @Test
    void aBlankQuestionIsRefusedWithAStableCode() throws Exception {
        HttpResponse<String> response = post("{\"question\": \"  \\u00a0 \"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("BLANK_QUERY");
    }

    @Test
    void aMissingQuestionIsBlank() throws Exception {
        assertThat(JSON.readTree(post("{}").body()).get("code").asString()).isEqualTo("BLANK_QUERY");
    }

    @Test
    void anOverLongQuestionIsRefusedWithAStableCode() throws Exception {
        HttpResponse<String> response = post("{\"question\": \"" + "why ".repeat(600) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("QUERY_TOO_LONG");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = post("question=why");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void anUnknownDocumentInTheFilterIsNotFound() throws Exception {
        HttpResponse<String> response = post("{\"question\": \"" + QUESTION + "\", \"documentIds\": [\"nope\"]}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aBlankQuestionOnTheStreamIsAPlainProblemNotAStream() throws Exception {
        SseClient.Result result = SseClient.get(uri("/api/ask/stream?question=%20"));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.contentType()).startsWith("application/problem+json");
        assertThat(result.body()).contains("\"code\":\"BLANK_QUERY\"");
    }

    @Test
    void aBadKOnTheStreamIsRefused() throws Exception {
        SseClient.Result result = SseClient.get(uri("/api/ask/stream?k=0&question=" + query(QUESTION)));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body()).contains("INVALID_K");
    }

    private static String readText(String data) {
        try {
            return JSON.readTree(data).get("text").asString();
        } catch (JacksonException e) {
            throw new AssertionError("token data is not JSON: " + data, e);
        }
    }
}
