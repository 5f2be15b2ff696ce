package dev.groundwork.observe;

import static dev.groundwork.support.FakeOpenAiServer.status;
import static dev.groundwork.support.FakeOpenAiServer.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.FakeOpenAiServer;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.Http;
import dev.groundwork.support.MultipartBody;
import dev.groundwork.support.TestDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What an operator reads on {@code /actuator/prometheus} after real work over HTTP: an upload, a refused upload, a
 * delete, questions answered by the language model, one it failed (so quoted instead), one abstained from, one
 * refused; then every metric the README names is there, with the counts the work made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsIntegrationTests {

    private static final FakeOpenAiServer LLM = FakeOpenAiServer.start();
    private static final String GAUGE = "The pressure gauge of the boiler should read between 1.2 and 1.8 bar when the system is cold.";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
        registry.add("groundwork.llm.base-url", LLM::baseUrl);
        registry.add("groundwork.llm.first-token-timeout", () -> "2s");
        registry.add("groundwork.llm.answer-timeout", () -> "5s");
        registry.add("groundwork.llm.retries", () -> "0");
        registry.add("groundwork.llm.circuit-failures", () -> "100");
    }

    @AfterAll
    static void stopServer() {
        LLM.close();
    }

    @LocalServerPort
    int port;

    @Test
    void anUploadAndQuestionsShowOnThePrometheusEndpoint() throws IOException {
        Http http = Http.to("http://127.0.0.1:" + port);
        // an upload, and a file refused
        Http.Reply upload = http.post("/api/documents").multipart(new MultipartBody().file("heating-manual.pdf",
                Fixtures.pdf("Heating manual. This manual explains the heating system of the Elm Street office.",
                        "The boiler is serviced once a year by a certified engineer. " + GAUGE
                                + " Radiators are bled every autumn."))).send();
        assertThat(upload.status()).isEqualTo(201);
        assertThat(http.post("/api/documents").multipart(new MultipartBody().file("empty.txt", new byte[0])).send()
                .code()).isEqualTo("UNSUPPORTED_TYPE");
        Http.Reply other = http.post("/api/documents").multipart(new MultipartBody().file("note.txt",
                Fixtures.utf8("A note about the canteen menu, which changes every week."))).send();
        assertThat(http.delete("/api/documents/" + other.json().path("documents").get(0).path("id").asString()).send()
                .status()).isEqualTo(204);
        // a question the model answers, one it fails (quotes stand in), one no document answers, one refused
        LLM.reply(stream("The gauge should read between 1.2 and 1.8 bar ", "when the system is cold [1]."));
        JsonNode answered = ask(http, "What should the boiler pressure gauge read?");
        assertThat(answered.path("mode").asString()).isEqualTo("llm");
        LLM.reply(status(500));
        JsonNode fallback = ask(http, "What should the boiler pressure gauge read?");
        assertThat(fallback.path("fallbackReason").asString()).isEqualTo("LLM_SERVER_ERROR");
        assertThat(ask(http, "Which striker won the 1954 football world cup final?").path("abstained").asBoolean())
                .isTrue();
        assertThat(http.post("/api/ask").json("{\"question\": \" \"}").send().code()).isEqualTo("BLANK_QUERY");
        assertThat(http.get("/api/search?q=boiler+pressure").send().status()).isEqualTo(200);

        Http.Reply scrape = http.get("/actuator/prometheus").send();

        assertThat(scrape.status()).isEqualTo(200);
        PrometheusText metrics = new PrometheusText(scrape.body());
        // a timer per stage of an upload, as a histogram
        for (String stage : new String[] {"parse", "split", "embed", "index", "commit"}) {
            assertThat(metrics.sum("groundwork_ingest_stage_seconds_count", "stage=\"" + stage + "\""))
                    .as(stage).isGreaterThanOrEqualTo(2);
            assertThat(metrics.sum("groundwork_ingest_stage_seconds_bucket", "stage=\"" + stage + "\"", "le=\"+Inf\""))
                    .as(stage).isGreaterThanOrEqualTo(2);
        }
        // and of a question: three asked of retrieval (and a search), two answered past the evidence check
        for (String stage : new String[] {"retrieval", "text-search", "vector-search", "fusion"}) {
            assertThat(metrics.sum("groundwork_question_stage_seconds_count", "stage=\"" + stage + "\""))
                    .as(stage).isGreaterThanOrEqualTo(4);
        }
        assertThat(metrics.sum("groundwork_question_stage_seconds_count", "stage=\"generation\"")).isEqualTo(3);
        assertThat(metrics.sum("groundwork_question_stage_seconds_count", "stage=\"answer\"")).isEqualTo(2);
        assertThat(metrics.sum("groundwork_question_stage_seconds_count", "stage=\"check\"")).isEqualTo(2);
        // the language model: its total time by outcome, and the time to its first token
        assertThat(metrics.sum("groundwork_llm_seconds_count", "outcome=\"ok\"")).isEqualTo(1);
        assertThat(metrics.sum("groundwork_llm_seconds_count", "outcome=\"LLM_SERVER_ERROR\"")).isEqualTo(1);
        assertThat(metrics.sum("groundwork_llm_first_token_seconds_count", "outcome=\"token\"")).isEqualTo(1);
        // questions by outcome, fallbacks by reason, errors by code
        assertThat(metrics.sum("groundwork_questions_total", "outcome=\"answered\"")).isEqualTo(1);
        assertThat(metrics.sum("groundwork_questions_total", "outcome=\"fallback\"", "reason=\"LLM_SERVER_ERROR\""))
                .isEqualTo(1);
        assertThat(metrics.sum("groundwork_questions_total", "outcome=\"abstained\"")).isEqualTo(1);
        assertThat(metrics.sum("groundwork_questions_total", "outcome=\"error\"", "reason=\"BLANK_QUERY\""))
                .isEqualTo(1);
        // documents added, removed and refused by code
        assertThat(metrics.sum("groundwork_documents_changed_total", "change=\"added\"", "via=\"upload\""))
                .isEqualTo(2);
        assertThat(metrics.sum("groundwork_documents_changed_total", "change=\"removed\"")).isEqualTo(1);
        assertThat(metrics.sum("groundwork_documents_changed_total", "change=\"refused\"", "code=\"UNSUPPORTED_TYPE\""))
                .isEqualTo(1);
        // gauges: what the index holds, the workers and encoder slots, the sync
        assertThat(metrics.sum("groundwork_index_documents")).isEqualTo(1);
        assertThat(metrics.sum("groundwork_index_chunks")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.sum("groundwork_index_size_bytes")).isGreaterThan(0);
        assertThat(metrics.sum("groundwork_encoder_runs_max")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.has("groundwork_encoder_runs_busy")).isTrue();
        assertThat(metrics.sum("groundwork_parse_workers_max")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.has("groundwork_parse_workers")).isTrue();
        assertThat(metrics.sum("groundwork_sync_running")).isBetween(0.0, 1.0);
        assertThat(metrics.has("groundwork_sync_files_pending")).isTrue();
        assertThat(metrics.has("groundwork_sync_files_failing")).isTrue();
        assertThat(metrics.has("groundwork_sync_last_finished_seconds")).isTrue();
        // and what Spring measures itself: requests by endpoint and status
        assertThat(metrics.sum("http_server_requests_seconds_count", "uri=\"/api/ask\"", "status=\"200\""))
                .isEqualTo(3);

        // every metric the Grafana dashboard draws is one the service exports
        Matcher names = Pattern.compile("\\b(groundwork_[a-z_]+|http_server_requests_seconds_[a-z]+)\\b")
                .matcher(Files.readString(Path.of("deploy/monitoring/grafana/dashboards/groundwork.json")));
        int drawn = 0;
        while (names.find()) {
            assertThat(metrics.has(names.group(1))).as(names.group(1)).isTrue();
            drawn++;
        }
        assertThat(drawn).isGreaterThan(20);

        // the page's figures: the three questions answered in the last hour, the refused upload
        JsonNode figures = http.get("/api/figures").send().json();
        assertThat(figures.path("answeredLastHour").asInt()).isEqualTo(3);
        assertThat(figures.path("medianAnswerMs").isNumber()).isTrue();
        assertThat(figures.path("refusedUploads").asLong()).isEqualTo(1);
    }

    @Test
    void everyResponseCarriesARequestIdTakingAProxysWhenItIsPlain() {
        Http http = Http.to("http://127.0.0.1:" + port);

        String made = http.get("/api/documents").send().header("X-Request-Id").orElseThrow();
        String taken = http.get("/api/documents").header("X-Request-Id", "proxy-7f3a.91:b_2").send()
                .header("X-Request-Id").orElseThrow();
        String forged = http.get("/api/documents").header("X-Request-Id", "a\" outcome=created").send()
                .header("X-Request-Id").orElseThrow();
        String refused = http.post("/api/ask").json("{\"question\": \"\"}").send().header("X-Request-Id").orElseThrow();

        assertThat(made).matches("[0-9a-f-]{36}");
        assertThat(taken).isEqualTo("proxy-7f3a.91:b_2");
        assertThat(forged).matches("[0-9a-f-]{36}");
        assertThat(refused).matches("[0-9a-f-]{36}").isNotEqualTo(made);
    }

    private static JsonNode ask(Http http, String question) {
        Http.Reply reply = http.post("/api/ask").json("{\"question\": \"" + question + "\"}").send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

}
