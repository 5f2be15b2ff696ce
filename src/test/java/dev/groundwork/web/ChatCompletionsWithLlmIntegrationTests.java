package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.IngestionService;
import dev.groundwork.support.FakeOpenAiServer;
import dev.groundwork.support.Http;
import dev.groundwork.support.Http.Reply;
import dev.groundwork.support.TestDirs;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * With a language model behind Groundwork (an OpenAI-compatible server the test runs): a follow-up is made
 * standalone by the model through {@code prompts/condense.txt} and searched for so, the answer streams to
 * LangChain4j's streaming client token by token, and the model behind is never named on {@code /v1}. In {@code local}
 * mode, the bearer token OpenAI clients always send is ignored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatCompletionsWithLlmIntegrationTests {

    private static final FakeOpenAiServer LLM = FakeOpenAiServer.start();
    private static final String STANDALONE = "How long does the warranty of the Atlas 3000 boiler last?";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
        registry.add("groundwork.llm.base-url", LLM::baseUrl);
        registry.add("groundwork.llm.model", () -> "secret-model-7b");
        registry.add("groundwork.sync.on-startup", () -> "false");
    }

    @AfterAll
    static void stopServer() {
        LLM.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    IngestionService ingestion;

    private static boolean uploaded;

    @BeforeEach
    void given() {
        if (!uploaded) {
            ingestion.upload("atlas-3000.txt", new ByteArrayInputStream(ChatCompletionsIntegrationTests.BOILER
                    .getBytes(StandardCharsets.UTF_8)));
            ingestion.upload("vega-kettle.txt", new ByteArrayInputStream(ChatCompletionsIntegrationTests.KETTLE
                    .getBytes(StandardCharsets.UTF_8)));
            uploaded = true;
        }
        // the model: rewrites follow-ups when asked to, answers from source 1 otherwise
        LLM.reply(FakeOpenAiServer.answering(body -> body.contains("Rewrite the next question") ? STANDALONE
                : "The warranty lasts five years from installation [1]. It covers the boiler [1]."));
    }

    @Test
    void theModelMakesTheFollowUpStandaloneAndTheAnswerStreamsToLangChain4j() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(new JdkHttpClientBuilder().httpClientBuilder(
                        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)))
                .baseUrl("http://localhost:" + port + "/v1").apiKey("anything: local mode asks for none")
                .modelName("groundwork").timeout(Duration.ofSeconds(60)).build();
        List<String> partials = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        model.chat(ChatRequest.builder().messages(UserMessage.from("What fuel does the Atlas 3000 boiler burn?"),
                AiMessage.from("It burns natural gas [1]."), UserMessage.from("And how long is it covered?")).build(),
                new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                        partials.add(partial.text());
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

        assertThat(response.aiMessage().text())
                .isEqualTo("The warranty lasts five years from installation [1]. It covers the boiler [1].");
        assertThat(partials).hasSizeGreaterThanOrEqualTo(3); // the model's tokens, as they came
        List<String> sent = LLM.requestBodies();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).contains("Rewrite the next question")
                .contains("User: What fuel does the Atlas 3000 boiler burn?")
                .contains("Assistant: It burns natural gas [1].")
                .contains("Next question: And how long is it covered?");
        // the answer's prompt holds the standalone question, and the source it was found by
        assertThat(sent.get(1)).contains(STANDALONE).contains("lasts five years from installation");
    }

    @Test
    void theReplySaysWhatTheModelMadeOfTheFollowUp() {
        Reply reply = Http.to("http://localhost:" + port).post("/v1/chat/completions").bearer("sk-local").json("""
                {"model": "groundwork", "messages": [
                  {"role": "user", "content": "What fuel does the Atlas 3000 boiler burn?"},
                  {"role": "assistant", "content": "It burns natural gas [1]."},
                  {"role": "user", "content": "And how long is it covered?"}]}
                """).send();

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode grounding = reply.json().path("groundwork");
        assertThat(grounding.path("searchedFor").asString()).isEqualTo(STANDALONE);
        assertThat(grounding.path("mode").asString()).isEqualTo("llm");
        assertThat(grounding.path("citations").get(0).path("fileName").asString()).isEqualTo("atlas-3000.txt");
        assertThat(reply.json().path("choices").get(0).path("message").path("content").asString())
                .contains("five years from installation [1]");
    }

    @Test
    void aFailingModelLeavesTheFollowUpToTheHeuristic() {
        LLM.reply(FakeOpenAiServer.status(500));

        Reply reply = Http.to("http://localhost:" + port).post("/api/ask").json("""
                {"question": "How long does its warranty last?",
                 "history": [{"question": "What fuel does the Atlas 3000 boiler burn?", "answer": "Natural gas [1]."}]}
                """).send();

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("searchedFor").asString()).isEqualTo("How long does Atlas 3000's warranty last?");
        assertThat(reply.json().path("fallbackReason").asString()).isEqualTo("LLM_SERVER_ERROR");
        assertThat(reply.json().path("answer").asString()).contains("five years");
    }

    @Test
    void theModelBehindIsNeverNamed() {
        Http http = Http.to("http://localhost:" + port);
        Reply models = http.get("/v1/models").send();

        assertThat(models.json().path("data").valueStream().map(model -> model.path("id").asString()))
                .containsExactly("groundwork");
        assertThat(models.body()).doesNotContain("secret-model-7b");
        Reply answer = http.post("/v1/chat/completions").json("""
                {"model": "groundwork", "messages": [{"role": "user", "content": "What fuel does the Atlas 3000 boiler burn?"}]}
                """).send();
        assertThat(answer.json().path("model").asString()).isEqualTo("groundwork");
        assertThat(answer.body()).doesNotContain("secret-model-7b");
        ChatCompletionsIntegrationTests.assertOpenAiError(http.post("/v1/chat/completions").json("""
                {"model": "secret-model-7b", "messages": [{"role": "user", "content": "Hello?"}]}
                """).send(), 404, "MODEL_NOT_FOUND", "not_found_error");
    }
}
