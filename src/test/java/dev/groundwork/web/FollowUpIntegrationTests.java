package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.IngestionService;
import dev.groundwork.security.ApiKeys;
import dev.groundwork.security.Role;
import dev.groundwork.support.Http;
import dev.groundwork.support.Http.Reply;
import dev.groundwork.support.HeldClock;
import dev.groundwork.support.TestClock;
import dev.groundwork.support.TestDirs;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Follow-up questions on {@code /api/ask} and its stream, in keys mode: a conversation the service keeps (each
 * caller's own, until it expires), or the turns a client sends; the reply says what was searched for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groundwork.security.mode=keys",
        "server.address=127.0.0.1",
        "groundwork.conversation.expire-after=10m",
        "groundwork.sync.cron=-",
        "groundwork.sync.on-startup=false",
        "groundwork.parse.workers=1"})
@Import(HeldClock.class)
class FollowUpIntegrationTests {

    private static final String FIRST = "What fuel does the Atlas 3000 boiler burn?";
    private static final String FOLLOW_UP = "How long does its warranty last?";

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
    @Autowired
    TestClock clock;

    private static boolean uploaded;
    private Http http;

    @BeforeEach
    void given() {
        http = Http.to("http://localhost:" + port);
        if (!uploaded) {
            ingestion.upload("atlas-3000.txt", new ByteArrayInputStream(ChatCompletionsIntegrationTests.BOILER
                    .getBytes(StandardCharsets.UTF_8)));
            ingestion.upload("vega-kettle.txt", new ByteArrayInputStream(ChatCompletionsIntegrationTests.KETTLE
                    .getBytes(StandardCharsets.UTF_8)));
            uploaded = true;
        }
    }

    private String key(String name) {
        return keys.create(name, Role.READER, null).secret();
    }

    private Reply ask(String key, String json) {
        return http.post("/api/ask").bearer(key).json(json).send();
    }

    @Test
    void aFollowUpInAKeptConversationIsSearchedForWithItsSubject() {
        String key = key("kept");
        Reply first = ask(key, "{\"question\": \"" + FIRST + "\"}");
        String id = first.json().path("conversationId").asString();
        assertThat(id).matches("conv_[0-9a-f]{32}");
        assertThat(first.json().path("searchedFor").asString()).isEqualTo(FIRST);
        assertThat(first.json().path("question").asString()).isEqualTo(FIRST);

        Reply followUp = ask(key, "{\"question\": \"" + FOLLOW_UP + "\", \"conversationId\": \"" + id + "\"}");

        assertThat(followUp.status()).as(followUp.body()).isEqualTo(200);
        assertThat(followUp.json().path("question").asString()).isEqualTo(FOLLOW_UP);
        assertThat(followUp.json().path("searchedFor").asString()).isEqualTo("How long does Atlas 3000's warranty last?");
        assertThat(followUp.json().path("answer").asString()).contains("five years").doesNotContain("two years");
        assertThat(followUp.json().path("conversationId").asString()).isEqualTo(id);
        // alone, the same words have nothing to say which warranty
        Reply alone = ask(key, "{\"question\": \"" + FOLLOW_UP + "\"}");
        assertThat(alone.json().path("searchedFor").asString()).isEqualTo(FOLLOW_UP);
        assertThat(alone.json().path("conversationId").asString()).isNotEqualTo(id);
    }

    @Test
    void theStreamSaysWhatItSearchedForBeforeItAnswers() {
        String key = key("streamed");
        String id = ask(key, "{\"question\": \"" + FIRST + "\"}").json().path("conversationId").asString();

        Reply stream = http.get("/api/ask/stream?question=" + URLEncoder.encode(FOLLOW_UP, StandardCharsets.UTF_8)
                + "&conversationId=" + id).bearer(key).header("Accept", "text/event-stream").send();

        assertThat(stream.status()).isEqualTo(200);
        List<String> events = stream.body().lines().filter(line -> line.startsWith("data:")).toList();
        JsonNode sources = Http.JSON.readTree(events.get(0).substring(5));
        assertThat(sources.path("searchedFor").asString()).isEqualTo("How long does Atlas 3000's warranty last?");
        assertThat(sources.path("question").asString()).isEqualTo(FOLLOW_UP);
        assertThat(sources.path("conversationId").asString()).isEqualTo(id);
        JsonNode done = Http.JSON.readTree(events.get(events.size() - 1).substring(5));
        assertThat(done.path("answer").asString()).contains("five years");
        assertThat(done.path("conversationId").asString()).isEqualTo(id);
        // the streamed turn was kept: a third question follows on from it
        Reply third = ask(key, "{\"question\": \"Who services it?\", \"conversationId\": \"" + id + "\"}");
        assertThat(third.json().path("searchedFor").asString()).contains("Atlas 3000");
    }

    @Test
    void aClientMayKeepTheConversationItself() {
        Reply reply = ask(key("client-kept"), "{\"question\": \"" + FOLLOW_UP + "\", \"history\": [{\"question\": \""
                + FIRST + "\", \"answer\": \"Natural gas [1].\"}]}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("searchedFor").asString()).isEqualTo("How long does Atlas 3000's warranty last?");
        assertThat(reply.json().has("conversationId")).isFalse();
    }

    @Test
    void aConversationIsItsCallersOwnAndEndsWhenUnused() {
        String alice = key("alice");
        String id = ask(alice, "{\"question\": \"" + FIRST + "\"}").json().path("conversationId").asString();
        String continued = "{\"question\": \"" + FOLLOW_UP + "\", \"conversationId\": \"" + id + "\"}";

        Reply bob = ask(key("bob"), continued);
        assertThat(bob.status()).isEqualTo(404);
        assertThat(bob.code()).isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(ask(alice, continued).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(11));

        Reply expired = ask(alice, continued);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.code()).isEqualTo("CONVERSATION_NOT_FOUND");
        assertThat(expired.json().path("detail").asString()).contains("start a new one");
        Reply streamExpired = http.get("/api/ask/stream?question=x&conversationId=" + id).bearer(alice).send();
        assertThat(streamExpired.status()).isEqualTo(404);
    }

    @Test
    void anIdAndTurnsTogetherAreRefused() {
        Reply both = ask(key("both"), "{\"question\": \"" + FOLLOW_UP + "\", \"conversationId\": \"conv_x\", "
                + "\"history\": [{\"question\": \"" + FIRST + "\"}]}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.code()).isEqualTo("BAD_REQUEST");
        Reply noQuestion = ask(key("turn-without-question"), "{\"question\": \"" + FOLLOW_UP + "\", "
                + "\"history\": [{\"answer\": \"Natural gas.\"}]}");
        assertThat(noQuestion.status()).isEqualTo(400);
        assertThat(noQuestion.json().path("detail").asString()).contains("needs its question");
    }
}
