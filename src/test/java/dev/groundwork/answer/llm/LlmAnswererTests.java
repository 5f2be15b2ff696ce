package dev.groundwork.answer.llm;

import static dev.groundwork.support.FakeOpenAiServer.dropAfter;
import static dev.groundwork.support.FakeOpenAiServer.endWithoutFinish;
import static dev.groundwork.support.FakeOpenAiServer.garbage;
import static dev.groundwork.support.FakeOpenAiServer.slowStream;
import static dev.groundwork.support.FakeOpenAiServer.stall;
import static dev.groundwork.support.FakeOpenAiServer.status;
import static dev.groundwork.support.FakeOpenAiServer.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.groundwork.answer.AnswerListener;
import dev.groundwork.answer.FallbackReason;
import dev.groundwork.answer.GroundedPrompt;
import dev.groundwork.answer.LlmSettings;
import dev.groundwork.observe.Stages;
import dev.groundwork.support.FakeOpenAiServer;
import dev.groundwork.support.TestClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The LLM client against a real OpenAI-compatible HTTP server that streams real SSE chunks. */
class LlmAnswererTests {

    private static final GroundedPrompt PROMPT = new GroundedPrompt("Rules.", "Sources: ... Question: when?");

    private final FakeOpenAiServer server = FakeOpenAiServer.start();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final AnswerListener listener = new AnswerListener() {
        @Override
        public boolean token(String text) {
            tokens.add(text);
            return true;
        }
    };

    @AfterEach
    void stop() {
        server.close();
    }

    static LlmSettings settings(String baseUrl, Duration firstToken, Duration answer, int retries, int circuitFailures,
                                Duration openFor) {
        return new LlmSettings(baseUrl, "fake-model", null, 0.0, 256, Duration.ofSeconds(2), firstToken, answer,
                retries, Duration.ofMillis(50), circuitFailures, openFor);
    }

    private LlmAnswerer answerer(LlmSettings settings) {
        return answerer(settings, Clock.systemUTC());
    }

    private static LlmAnswerer answerer(LlmSettings settings, Clock clock) {
        return new LlmAnswerer(settings, LlmConfiguration.model(settings),
                new CircuitBreaker(settings.circuitFailures(), settings.circuitOpenFor(), clock), null, Stages.NONE);
    }

    private LlmAnswerer answerer() {
        return answerer(settings(server.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5), 1, 10, Duration.ofSeconds(30)));
    }

    private static FallbackReason reasonOf(ThrowingCall call) {
        try {
            call.run();
        } catch (LlmFailure failure) {
            return failure.reason();
        }
        throw new AssertionError("expected the LLM call to fail");
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws LlmFailure;
    }

    @Test
    void streamsTokensAndReturnsTheWholeAnswer() throws LlmFailure {
        server.reply(stream("The game was ", "played on ", "February 7 [1]."));

        String answer = answerer().write(PROMPT, listener);

        assertThat(answer).isEqualTo("The game was played on February 7 [1].");
        assertThat(tokens).containsExactly("The game was ", "played on ", "February 7 [1].");
        assertThat(server.requests()).isEqualTo(1);
        assertThat(server.requestBodies().get(0)).containsPattern("\"stream\"\\s*:\\s*true").contains("Rules.")
                .contains("Question: when?").contains("fake-model");
    }

    @Test
    void serverErrorIsRetriedOnceBeforeTheFirstTokenThenReported() {
        server.reply(status(500));

        assertThat(reasonOf(() -> answerer().write(PROMPT, listener))).isEqualTo(FallbackReason.LLM_SERVER_ERROR);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void aRetryAfterAServerErrorCanStillAnswer() throws LlmFailure {
        server.reply(status(503), stream("Fine [1]."));

        assertThat(answerer().write(PROMPT, listener)).isEqualTo("Fine [1].");
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void rateLimitIsReportedAsSuch() {
        server.reply(status(429));

        assertThat(reasonOf(() -> answerer().write(PROMPT, listener))).isEqualTo(FallbackReason.LLM_RATE_LIMITED);
    }

    @Test
    void aWrongModelNameIsRejectedWithoutRetry() {
        server.reply(status(404));

        assertThat(reasonOf(() -> answerer().write(PROMPT, listener))).isEqualTo(FallbackReason.LLM_REJECTED);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void aStallPastTheFirstTokenTimeoutIsReported() {
        server.reply(stall(Duration.ofSeconds(30)));
        LlmAnswerer answerer = answerer(settings(server.baseUrl(), Duration.ofMillis(400), Duration.ofSeconds(5), 1, 10,
                Duration.ofSeconds(30)));

        assertThat(reasonOf(() -> answerer.write(PROMPT, listener))).isEqualTo(FallbackReason.LLM_FIRST_TOKEN_TIMEOUT);
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void anAnswerPastTheAnswerTimeoutIsReported() {
        server.reply(slowStream(Duration.ofMillis(300), "one ", "two ", "three ", "four ", "five "));
        LlmAnswerer answerer = answerer(settings(server.baseUrl(), Duration.ofSeconds(1), Duration.ofMillis(800), 1, 10,
                Duration.ofSeconds(30)));

        assertThat(reasonOf(() -> answerer.write(PROMPT, listener))).isEqualTo(FallbackReason.LLM_ANSWER_TIMEOUT);
        assertThat(tokens).isNotEmpty();
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void aStreamCutInTheMiddleIsDroppedAndNotRetriedAfterTokens() {
        server.reply(dropAfter("The game ", "was played"));

        assertThat(reasonOf(() -> answerer().write(PROMPT, listener))).isEqualTo(FallbackReason.LLM_STREAM_DROPPED);
        assertThat(tokens).containsExactly("The game ", "was played");
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void aStreamThatEndsWithoutAFinishReasonIsDropped() {
        server.reply(endWithoutFinish("The game ", "was played"));

        assertThat(reasonOf(() -> answerer().write(PROMPT, listener))).isEqualTo(FallbackReason.LLM_STREAM_DROPPED);
    }

    @Test
    void garbageJsonIsAMalformedReply() {
        server.reply(garbage());

        assertThat(reasonOf(() -> answerer().write(PROMPT, listener))).isEqualTo(FallbackReason.LLM_MALFORMED_REPLY);
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LlmAnswerer answerer = answerer(settings("http://127.0.0.1:" + port + "/v1", Duration.ofSeconds(2),
                Duration.ofSeconds(5), 0, 10, Duration.ofSeconds(30)));

        assertThat(reasonOf(() -> answerer.write(PROMPT, listener))).isEqualTo(FallbackReason.LLM_UNREACHABLE);
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndStopsCalling() {
        server.reply(status(500));
        LlmAnswerer answerer = answerer(settings(server.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5), 0, 2,
                Duration.ofMinutes(5)));

        reasonOf(() -> answerer.write(PROMPT, listener));
        reasonOf(() -> answerer.write(PROMPT, listener));
        FallbackReason third = reasonOf(() -> answerer.write(PROMPT, listener));

        assertThat(third).isEqualTo(FallbackReason.LLM_CIRCUIT_OPEN);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void anOpenCircuitLetsOneTrialThroughAfterItsWaitAndClosesOnSuccess() throws Exception {
        server.reply(status(500), stream("Back [1]."));
        TestClock clock = new TestClock();
        LlmAnswerer answerer = answerer(settings(server.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5), 0, 1,
                Duration.ofSeconds(30)), clock);
        reasonOf(() -> answerer.write(PROMPT, listener));
        clock.advance(Duration.ofSeconds(29));
        assertThat(reasonOf(() -> answerer.write(PROMPT, listener))).isEqualTo(FallbackReason.LLM_CIRCUIT_OPEN);

        clock.advance(Duration.ofSeconds(1));

        assertThat(answerer.write(PROMPT, listener)).isEqualTo("Back [1].");
        assertThat(server.requests()).isEqualTo(2);
        assertThat(answerer.write(PROMPT, listener)).as("closed again").isEqualTo("Back [1].");
    }

    @Test
    void aClientThatLeavesStopsTheStream() {
        String[] twenty = new String[20];
        java.util.Arrays.setAll(twenty, i -> "word" + i + " ");
        server.reply(slowStream(Duration.ofMillis(50), twenty));
        List<String> received = new CopyOnWriteArrayList<>();
        AnswerListener leaving = new AnswerListener() {
            @Override
            public boolean token(String text) {
                received.add(text);
                return false; // the client is gone
            }
        };

        FallbackReason reason = reasonOf(() -> answerer().write(PROMPT, leaving));

        assertThat(reason).isEqualTo(FallbackReason.LLM_STREAM_DROPPED);
        assertThat(received).as("no token after the client left").containsExactly("word0 ");
        await().atMost(Duration.ofSeconds(5)).until(() -> server.abandonedStreams() == 1);
        assertThat(server.requests()).as("nothing tried again").isEqualTo(1);
    }
}
