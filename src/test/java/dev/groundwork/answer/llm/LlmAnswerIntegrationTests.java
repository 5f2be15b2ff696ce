package dev.groundwork.answer.llm;

import static dev.groundwork.support.FakeOpenAiServer.dropAfter;
import static dev.groundwork.support.FakeOpenAiServer.garbage;
import static dev.groundwork.support.FakeOpenAiServer.stall;
import static dev.groundwork.support.FakeOpenAiServer.status;
import static dev.groundwork.support.FakeOpenAiServer.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.answer.Answer;
import dev.groundwork.answer.AnswerListener;
import dev.groundwork.answer.AnswerService;
import dev.groundwork.answer.FallbackReason;
import dev.groundwork.answer.Mode;
import dev.groundwork.answer.Question;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.support.FakeOpenAiServer;
import dev.groundwork.support.FakeOpenAiServer.Reply;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.TestDirs;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LLM answers through the real LangChain4j OpenAI client, against an OpenAI-compatible server the test runs: the
 * checks on what the model writes, and the extractive fallback on every kind of failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LlmAnswerIntegrationTests {

    private static final FakeOpenAiServer LLM = FakeOpenAiServer.start();
    private static final String GAUGE = "The pressure gauge of the boiler should read between 1.2 and 1.8 bar when the system is cold.";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
        registry.add("groundwork.llm.base-url", LLM::baseUrl);
        registry.add("groundwork.llm.model", () -> "fake-instruct");
        registry.add("groundwork.llm.first-token-timeout", () -> "700ms");
        registry.add("groundwork.llm.answer-timeout", () -> "3s");
        registry.add("groundwork.llm.retries", () -> "1");
        registry.add("groundwork.llm.retry-backoff", () -> "20ms");
    }

    @AfterAll
    static void stopServer() {
        LLM.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    AnswerService answers;
    @Autowired
    IngestionService ingestion;
    @Autowired
    CircuitBreaker breaker;

    private static boolean uploaded;

    @BeforeEach
    void given() {
        breaker.recordSuccess();
        if (!uploaded) {
            ingestion.upload("heating-manual.pdf", new ByteArrayInputStream(Fixtures.pdf(
                    "Heating manual. This manual explains the heating system of the Elm Street office.",
                    "The boiler is serviced once a year by a certified engineer. " + GAUGE
                            + " Radiators are bled every autumn.",
                    "Thermostats are set to 20 degrees in offices and 16 degrees in storage rooms.")));
            uploaded = true;
        }
    }

    private Answer ask(String question, Reply... replies) {
        LLM.reply(replies);
        return answers.answer(Question.of(question));
    }

    @Test
    void anLlmAnswerKeepsValidMarkersAndReportsInvalidOnes() {
        Answer answer = ask("What should the boiler pressure gauge read?",
                stream("The gauge should read between 1.2 and 1.8 bar ", "when the system is cold [1]. ",
                        "It is serviced by a certified engineer [7]."));

        assertThat(answer.mode()).isEqualTo(Mode.LLM);
        assertThat(answer.fallbackReason()).isNull();
        assertThat(answer.text()).isEqualTo("The gauge should read between 1.2 and 1.8 bar when the system is cold [1]. "
                + "It is serviced by a certified engineer.");
        assertThat(answer.invalidCitations()).containsExactly(7);
        assertThat(answer.citations()).singleElement().satisfies(citation -> {
            assertThat(citation.n()).isEqualTo(1);
            assertThat(citation.text()).contains(GAUGE);
            assertThat(citation.page()).isEqualTo(2);
        });
        assertThat(answer.sentences().get(0).supported()).isTrue();
        assertThat(LLM.requests()).isEqualTo(1);
        assertThat(LLM.requestBodies().get(0)).contains("What should the boiler pressure gauge read?")
                .containsPattern("<source-[0-9a-f]{16} id=\\\\\"1\\\\\"").contains("not instructions");
    }

    @Test
    void aSentenceTheSourcesDoNotSupportIsMarkedUnsupported() {
        Answer answer = ask("What should the boiler pressure gauge read?",
                stream("The gauge should read between 1.2 and 1.8 bar when cold [1]. ",
                        "The boiler was made in Sweden in 1987 and cost forty thousand dollars [1]."));

        assertThat(answer.sentences()).hasSize(2);
        assertThat(answer.sentences().get(0).supported()).isTrue();
        assertThat(answer.sentences().get(1).supported()).isFalse();
        assertThat(answer.sentences().get(1).support()).isLessThan(answer.sentences().get(0).support());
    }

    @Test
    void aServerErrorFallsBackToTheExtractiveAnswer() {
        assertFallback(ask("What should the boiler pressure gauge read?", status(500)), FallbackReason.LLM_SERVER_ERROR);
        assertThat(LLM.requests()).isEqualTo(2);
    }

    @Test
    void aRateLimitFallsBackToTheExtractiveAnswer() {
        assertFallback(ask("What should the boiler pressure gauge read?", status(429)), FallbackReason.LLM_RATE_LIMITED);
    }

    @Test
    void aStallPastTheFirstTokenTimeoutFallsBackToTheExtractiveAnswer() {
        assertFallback(ask("What should the boiler pressure gauge read?", stall(Duration.ofSeconds(20))),
                FallbackReason.LLM_FIRST_TOKEN_TIMEOUT);
    }

    @Test
    void aDroppedStreamFallsBackToTheExtractiveAnswerWithoutARetry() {
        List<String> tokens = new CopyOnWriteArrayList<>();
        LLM.reply(dropAfter("The gauge should ", "read between"));

        Answer answer = answers.answer(Question.of("What should the boiler pressure gauge read?"), new AnswerListener() {
            @Override
            public boolean token(String text) {
                tokens.add(text);
                return true;
            }
        });

        assertFallback(answer, FallbackReason.LLM_STREAM_DROPPED);
        assertThat(tokens).containsExactly("The gauge should ", "read between");
        assertThat(LLM.requests()).isEqualTo(1);
    }

    @Test
    void garbageJsonFallsBackToTheExtractiveAnswer() {
        assertFallback(ask("What should the boiler pressure gauge read?", garbage()), FallbackReason.LLM_MALFORMED_REPLY);
    }

    @Test
    void weakEvidenceAbstainsWithoutCallingTheLlm() {
        Answer answer = ask("Who won the football world cup in 1954?", stream("Germany [1]."));

        assertThat(answer.abstained()).isTrue();
        assertThat(answer.citations()).isEmpty();
        assertThat(LLM.requests()).isZero();
    }

    @Test
    void anOpenCircuitAnswersExtractivelyWithoutCallingTheLlm() {
        for (int i = 0; i < 3; i++) {
            breaker.recordFailure("test");
        }

        assertFallback(ask("What should the boiler pressure gauge read?", stream("Fine [1].")),
                FallbackReason.LLM_CIRCUIT_OPEN);
        assertThat(LLM.requests()).isZero();
    }

    @Test
    void anOpenCircuitShowsAsDegradedInTheHealthEndpointWhileTheServiceStaysUp() throws Exception {
        for (int i = 0; i < 3; i++) {
            breaker.recordFailure("LLM_SERVER_ERROR: HTTP 500");
        }

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JsonMapper.builder().build().readTree(response.body());
        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode llm = health.get("components").get("llm");
        assertThat(llm.get("status").asString()).isEqualTo("DEGRADED");
        assertThat(llm.get("details").get("circuit").asString()).isEqualTo("OPEN");
        assertThat(llm.get("details").get("lastFailure").asString()).contains("HTTP 500");
    }

    @Test
    void aClosedCircuitShowsTheLlmAsUp() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        JsonNode llm = JsonMapper.builder().build().readTree(response.body()).get("components").get("llm");
        assertThat(llm.get("status").asString()).isEqualTo("UP");
        assertThat(llm.get("details").get("model").asString()).isEqualTo("fake-instruct");
        assertThat(llm.get("details").get("circuit").asString()).isEqualTo("CLOSED");
    }

    private static void assertFallback(Answer answer, FallbackReason reason) {
        assertThat(answer.mode()).isEqualTo(Mode.EXTRACTIVE);
        assertThat(answer.fallbackReason()).isEqualTo(reason);
        assertThat(answer.abstained()).isFalse();
        assertThat(answer.text()).contains(GAUGE);
        assertThat(answer.sentences()).allSatisfy(sentence -> assertThat(sentence.supported()).isTrue());
    }
}
