package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.ingest.IngestionService;
import dev.groundwork.security.ApiKeys;
import dev.groundwork.security.Role;
import dev.groundwork.support.Http;
import dev.groundwork.support.Http.Reply;
import dev.groundwork.support.NodeScript;
import dev.groundwork.support.TestDirs;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAI-compatible endpoint through clients nobody here wrote: LangChain4j's {@code OpenAiChatModel} and
 * {@code OpenAiStreamingChatModel} pointed at {@code /v1} with an API key (keys mode), and raw HTTP for what those
 * clients do not show (the chunk format, the {@code groundwork} field, OpenAI's error shape on every refusal).
 * Without a language model: answers are quoted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.security.mode=keys",
        "server.address=127.0.0.1",
        "groundwork.security.limits.ask-per-minute=4",
        "groundwork.sync.cron=-",
        "groundwork.sync.on-startup=false",
        "groundwork.parse.workers=1"})
@ExtendWith(OutputCaptureExtension.class)
class ChatCompletionsIntegrationTests {

    static final String BOILER = "Atlas 3000 boiler manual. The Atlas 3000 boiler burns natural gas and heats water "
            + "for radiators. The warranty of the Atlas 3000 boiler lasts five years from installation. "
            + "The boiler is serviced once a year by a certified engineer.";
    static final String KETTLE = "Vega kettle guide. The Vega kettle boils 1.7 litres of water in three minutes. "
            + "The warranty of the Vega kettle lasts two years from purchase. Descale the kettle every month.";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    ApiKeys keys;
    @Autowired
    IngestionService ingestion;

    private static boolean uploaded;
    private Http http;

    @BeforeEach
    void given() {
        http = Http.to("http://localhost:" + port);
        if (!uploaded) {
            ingestion.upload("atlas-3000.txt", new ByteArrayInputStream(BOILER.getBytes(StandardCharsets.UTF_8)));
            ingestion.upload("vega-kettle.txt", new ByteArrayInputStream(KETTLE.getBytes(StandardCharsets.UTF_8)));
            uploaded = true;
        }
    }

    /** A key of its own for each test: the ask limit counts per key. */
    String key(String name, Role role) {
        return keys.create(name, role, Duration.ofDays(1)).secret();
    }

    private JdkHttpClientBuilder jdkClient() {
        return new JdkHttpClientBuilder().httpClientBuilder(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1));
    }

    private OpenAiChatModel chatModel(String key) {
        return OpenAiChatModel.builder().httpClientBuilder(jdkClient()).baseUrl("http://localhost:" + port + "/v1")
                .apiKey(key).modelName("groundwork").maxRetries(0).timeout(Duration.ofSeconds(60)).build();
    }

    @Test
    void langChain4jsChatModelGetsAGroundedAnswerWithItsMarkers() {
        ChatResponse response = chatModel(key("lc4j-chat", Role.READER))
                .chat(UserMessage.from("How long does the warranty of the Atlas 3000 boiler last?"));

        assertThat(response.aiMessage().text()).contains("five years").contains("[1]").doesNotContain("two years");
        assertThat(response.finishReason()).hasToString("STOP");
        assertThat(response.modelName()).isEqualTo("groundwork");
    }

    @Test
    void aFollowUpInTheMessagesIsSearchedForWithItsSubject() {
        String key = key("lc4j-follow-up", Role.READER);
        ChatResponse first = chatModel(key).chat(UserMessage.from("What fuel does the Atlas 3000 boiler burn?"));
        assertThat(first.aiMessage().text()).contains("natural gas");

        ChatResponse followUp = chatModel(key).chat(ChatRequest.builder().messages(
                UserMessage.from("What fuel does the Atlas 3000 boiler burn?"), first.aiMessage(),
                UserMessage.from("How long does its warranty last?")).build());

        assertThat(followUp.aiMessage().text()).contains("five years").doesNotContain("two years");
        // the same follow-up alone has no subject to search for
        Reply alone = http.post("/v1/chat/completions").bearer(key).json("""
                {"model": "groundwork", "messages": [{"role": "user", "content": "How long does its warranty last?"}]}
                """).send();
        assertThat(alone.json().path("groundwork").path("searchedFor").asString())
                .isEqualTo("How long does its warranty last?");
    }

    @Test
    void theReplyCarriesItsCitationsAndWhatWasSearchedForInTheGroundworkField() {
        String key = key("raw-json", Role.READER);
        Reply reply = http.post("/v1/chat/completions").bearer(key).json("""
                {"model": "groundwork", "temperature": 0.2, "messages": [
                  {"role": "system", "content": "You are a helpful assistant."},
                  {"role": "user", "content": [{"type": "text", "text": "What fuel does the Atlas 3000 boiler burn?"}]},
                  {"role": "assistant", "content": "It burns natural gas [1]."},
                  {"role": "user", "content": "How long does its warranty last?"}]}
                """).send();

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("object").asString()).isEqualTo("chat.completion");
        assertThat(body.path("id").asString()).startsWith("chatcmpl-");
        assertThat(body.path("model").asString()).isEqualTo("groundwork");
        JsonNode choice = body.path("choices").get(0);
        assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
        assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
        String content = choice.path("message").path("content").asString();
        assertThat(content).contains("lasts five years from installation. [1]");
        JsonNode grounding = body.path("groundwork");
        assertThat(grounding.path("searchedFor").asString()).contains("Atlas 3000").contains("warranty");
        assertThat(grounding.path("citations").get(0).path("n").asInt()).isEqualTo(1);
        assertThat(grounding.path("citations").get(0).path("fileName").asString()).isEqualTo("atlas-3000.txt");
        assertThat(grounding.path("citations").get(0).path("chunkText").asString()).contains("five years");
        assertThat(grounding.path("abstained").asBoolean()).isFalse();
        assertThat(grounding.path("mode").asString()).isEqualTo("extractive");
    }

    @Test
    void langChain4jsStreamingModelGetsTheAnswerChunkByChunk() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder().httpClientBuilder(jdkClient())
                .baseUrl("http://localhost:" + port + "/v1").apiKey(key("lc4j-stream", Role.READER))
                .modelName("groundwork").timeout(Duration.ofSeconds(60)).build();
        List<String> partials = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat("What does the Atlas 3000 boiler burn?", new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                partials.add(partial.text());
            }

            @Override
            public void onCompleteToolCall(CompleteToolCall toolCall) {
                done.completeExceptionally(new AssertionError("no tools here"));
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(60, TimeUnit.SECONDS);

        assertThat(partials).hasSizeGreaterThanOrEqualTo(2); // one per quoted sentence
        assertThat(String.join("", partials)).isEqualTo(response.aiMessage().text());
        assertThat(response.aiMessage().text()).contains("natural gas").contains("[1]");
        assertThat(response.finishReason()).hasToString("STOP");
    }

    @Test
    void theStreamIsInOpenAisChunkFormatAndEndsWithTheGroundingAndDone() {
        Reply reply = http.post("/v1/chat/completions").bearer(key("raw-stream", Role.READER)).json("""
                {"model": "groundwork", "stream": true, "messages": [
                  {"role": "user", "content": "How long does the warranty of the Vega kettle last?"}]}
                """).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        List<String> data = reply.body().lines().filter(line -> line.startsWith("data:"))
                .map(line -> line.substring(5).strip()).toList();
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(json -> Http.JSON.readTree(json)).toList();
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(chunk.path("id").asString()).isEqualTo(chunks.get(0).path("id").asString());
        });
        assertThat(chunks.get(0).path("choices").get(0).path("delta").path("role").asString()).isEqualTo("assistant");
        StringBuilder content = new StringBuilder();
        chunks.forEach(chunk -> content.append(chunk.path("choices").get(0).path("delta").path("content").asString("")));
        assertThat(content.toString()).contains("lasts two years from purchase. [1]");
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
        assertThat(last.path("groundwork").path("citations").get(0).path("fileName").asString()).isEqualTo("vega-kettle.txt");
        assertThat(last.path("groundwork").path("answer").asString()).isEqualTo(content.toString());
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> assertThat(chunk.has("groundwork")).isFalse());
    }

    @Test
    void anAbstentionIsAnOrdinaryAssistantMessage() {
        Reply reply = http.post("/v1/chat/completions").bearer(key("abstain", Role.READER)).json("""
                {"model": "groundwork", "messages": [{"role": "user", "content": "Who won the 1998 chess olympiad?"}]}
                """).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("choices").get(0).path("message").path("content").asString()).isNotBlank()
                .doesNotContain("[1]");
        assertThat(reply.json().path("groundwork").path("abstained").asBoolean()).isTrue();
        assertThat(reply.json().path("groundwork").path("citations").isEmpty()).isTrue();
    }

    @Test
    void theModelsListNamesGroundworkAlone() {
        String key = key("models", Role.READER);
        Reply models = http.get("/v1/models").bearer(key).send();

        assertThat(models.status()).isEqualTo(200);
        assertThat(models.json().path("object").asString()).isEqualTo("list");
        assertThat(models.json().path("data").valueStream().map(model -> model.path("id").asString()))
                .containsExactly("groundwork");
        assertThat(models.json().path("data").get(0).path("owned_by").asString()).isEqualTo("groundwork");
        assertThat(http.get("/v1/models/groundwork").bearer(key).send().json().path("id").asString())
                .isEqualTo("groundwork");
        assertOpenAiError(http.get("/v1/models/gpt-4o").bearer(key).send(), 404, "MODEL_NOT_FOUND", "not_found_error");
    }

    @Test
    void refusalsAreInOpenAisErrorShape(CapturedOutput output) {
        String reader = key("refusals", Role.READER);
        String admin = key("refusals-admin", Role.ADMIN);
        String question = "{\"model\": \"groundwork\", \"messages\": [{\"role\": \"user\", \"content\": \"Warranty?\"}]}";

        Reply anonymous = http.post("/v1/chat/completions").json(question).send();
        assertOpenAiError(anonymous, 401, "UNAUTHENTICATED", "authentication_error");
        assertThat(anonymous.header("WWW-Authenticate")).hasValue("Bearer");
        assertOpenAiError(http.post("/v1/chat/completions").bearer("gwk_aaaaaaaa_" + "A".repeat(43)).json(question).send(),
                401, "UNAUTHENTICATED", "authentication_error");
        assertOpenAiError(http.post("/v1/chat/completions").bearer(reader).header("Origin", "https://evil.example")
                .header("Sec-Fetch-Site", "cross-site").json(question).send(), 403, "CROSS_SITE", "permission_error");
        Reply wrongModel = http.post("/v1/chat/completions").bearer(reader)
                .json(question.replace("\"groundwork\"", "\"gpt-4o\"")).send();
        assertOpenAiError(wrongModel, 404, "MODEL_NOT_FOUND", "not_found_error");
        assertThat(wrongModel.json().path("error").path("param").asString()).isEqualTo("model");
        assertOpenAiError(http.post("/v1/chat/completions").bearer(reader).json("{\"messages\": [").send(), 400,
                "BAD_REQUEST", "invalid_request_error");
        Reply noQuestion = http.post("/v1/chat/completions").bearer(reader).json("""
                {"model": "groundwork", "messages": [{"role": "assistant", "content": "Hello"}]}""").send();
        assertOpenAiError(noQuestion, 400, "BAD_REQUEST", "invalid_request_error");
        assertThat(noQuestion.json().path("error").path("param").asString()).isEqualTo("messages");
        assertOpenAiError(http.post("/v1/chat/completions").bearer(reader).json("""
                {"model": "groundwork", "messages": [{"role": "user", "content": "   "}]}""").send(), 400,
                "BLANK_QUERY", "invalid_request_error");
        assertOpenAiError(http.get("/v1/chat/completions").bearer(admin).send(), 405, "METHOD_NOT_ALLOWED",
                "invalid_request_error");
        // refused by the size limit before the body is read, and still in OpenAI's shape
        // (a key of its own: the ask limit of 4 a minute is spent on this key by now)
        String tooLarge = question.replace("Warranty?", "x".repeat(70_000));
        assertOpenAiError(http.post("/v1/chat/completions").bearer(key("refusals-size", Role.READER)).json(tooLarge)
                .send(), 413, "TOO_LARGE", "invalid_request_error");
        // the rest of the API keeps its problem details
        Reply elsewhere = http.get("/api/documents").send();
        assertThat(elsewhere.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(elsewhere.code()).isEqualTo("UNAUTHENTICATED");
        // a question is no write: nothing for the audit log, refused or not
        assertThat(output.getAll()).doesNotContain("path=/v1/chat/completions");
    }

    @Test
    void langChain4jTellsAWrongKeyAndTheRateLimitApart() {
        assertThatThrownBy(() -> chatModel("gwk_bbbbbbbb_" + "B".repeat(43)).chat(UserMessage.from("Warranty?")))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("UNAUTHENTICATED");
        String key = key("limited", Role.READER);
        String question = "{\"model\": \"groundwork\", \"messages\": [{\"role\": \"user\", \"content\": \"Warranty?\"}]}";
        for (int i = 0; i < 4; i++) {
            assertThat(http.post("/v1/chat/completions").bearer(key).json(question).send().status()).isEqualTo(200);
        }

        Reply limited = http.post("/v1/chat/completions").bearer(key).json(question).send();

        assertOpenAiError(limited, 429, "RATE_LIMITED", "rate_limit_error");
        assertThat(limited.header("Retry-After")).isPresent();
        assertThatThrownBy(() -> chatModel(key).chat(UserMessage.from("Warranty?")))
                .isInstanceOf(RateLimitException.class);
    }

    /**
     * The official {@code openai} package from npm (pinned in src/test/node/openai), driven by a small script as a
     * user would write it; installed into {@code target/openai-node} once. Skipped, saying why, only without node or npm.
     */
    @Test
    void theOfficialOpenAiNodeClientAsksStreamsAndFollowsUp() throws Exception {
        Path work = NodeScript.install("openai", List.of("package.json", "chat.mjs"), "the official openai npm client");

        NodeScript.Ran script = NodeScript.run(List.of("node", "chat.mjs"), work, Map.of(
                "GROUNDWORK_URL", "http://localhost:" + port, "GROUNDWORK_KEY", key("npm-openai", Role.READER)), 120);

        assertThat(script.exit()).as(script.output()).isZero();
        Map<String, JsonNode> printed = new java.util.HashMap<>();
        script.output().lines().filter(line -> line.matches("[A-Z]+ .*"))
                .forEach(line -> printed.put(line.substring(0, line.indexOf(' ')),
                        Http.JSON.readTree(line.substring(line.indexOf(' ') + 1))));
        assertThat(printed).as(script.output()).containsKeys("MODELS", "STREAM", "ANSWER", "ERROR");
        assertThat(printed.get("MODELS").valueStream().map(JsonNode::asString)).containsExactly("groundwork");
        JsonNode stream = printed.get("STREAM");
        assertThat(stream.path("chunks").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(stream.path("content").asString()).contains("natural gas").contains("[1]");
        assertThat(stream.path("finish").asString()).isEqualTo("stop");
        assertThat(stream.path("citations").valueStream().map(JsonNode::asString)).contains("atlas-3000.txt");
        JsonNode answer = printed.get("ANSWER");
        assertThat(answer.path("content").asString()).contains("five years").contains("[1]").doesNotContain("two years");
        assertThat(answer.path("searchedFor").asString()).contains("Atlas 3000");
        assertThat(answer.path("citations").get(0).path("n").asInt()).isEqualTo(1);
        assertThat(answer.path("citations").get(0).path("fileName").asString()).isEqualTo("atlas-3000.txt");
        JsonNode error = printed.get("ERROR");
        assertThat(error.path("status").asInt()).isEqualTo(404);
        assertThat(error.path("code").asString()).isEqualTo("MODEL_NOT_FOUND");
        assertThat(error.path("type").asString()).isEqualTo("not_found_error");
        assertThat(error.path("param").asString()).isEqualTo("model");
    }

    static void assertOpenAiError(Reply reply, int status, String code, String type) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(contentType -> assertThat(contentType)
                .startsWith("application/json"));
        JsonNode error = reply.json().path("error");
        assertThat(error.path("code").asString()).as(reply.body()).isEqualTo(code);
        assertThat(error.path("type").asString()).isEqualTo(type);
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(error.has("param")).isTrue();
        assertThat(reply.json().has("detail")).isFalse();
    }
}
