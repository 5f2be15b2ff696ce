package dev.groundwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.prompt.Prompt;
import dev.groundwork.prompt.PromptCatalog;
import dev.groundwork.support.SseClient;
import dev.groundwork.support.SseClient.Event;
import dev.groundwork.support.TestDirs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** With nothing indexed, a question gets a clear answer saying so, from the prompt files, not an error. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "groundwork.llm.base-url=")
class AskWithoutDocumentsIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void dirs(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    PromptCatalog catalog;

    @Test
    void aQuestionWithNoDocumentsGetsTheNoDocumentsText() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ask"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"When do backups run?\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("answer").asString()).isEqualTo(catalog.text(Prompt.NO_DOCUMENTS));
        assertThat(body.get("abstained").asBoolean()).isTrue();
        assertThat(body.get("mode").asString()).isEqualTo("extractive");
        assertThat(body.get("citations")).isEmpty();
    }

    @Test
    void theStreamSaysSoToo() throws Exception {
        SseClient.Result result = SseClient.get(URI.create("http://127.0.0.1:" + port
                + "/api/ask/stream?question=When%20do%20backups%20run%3F"));

        assertThat(result.events()).extracting(Event::name).containsExactly("sources", "done");
        assertThat(JSON.readTree(result.events().get(0).data()).get("sources")).isEmpty();
        assertThat(JSON.readTree(result.events().get(1).data()).get("answer").asString())
                .isEqualTo(catalog.text(Prompt.NO_DOCUMENTS));
    }
}
