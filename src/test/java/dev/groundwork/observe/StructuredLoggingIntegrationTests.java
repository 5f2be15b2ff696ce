package dev.groundwork.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.Fixtures;
import dev.groundwork.support.Http;
import dev.groundwork.support.MultipartBody;
import dev.groundwork.support.TestDirs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code logging.structured.format.console=ecs}, as the README documents it: every line the service writes is one
 * JSON object, a request's lines carry its request id, and an audit line's fields are fields of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.structured.format.console=ecs", "spring.main.banner-mode=off",
                // the tests' logback-test.xml, with Boot's structured console appender, as Boot configures itself
                "logging.config=classpath:logback-structured-test.xml"})
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void everyLineIsOneJsonObjectAndARequestsLinesCarryItsId(CapturedOutput output) {
        Http http = Http.to("http://127.0.0.1:" + port);
        // what the test's context wrote while it started is not the service's work
        int from = output.getOut().length();

        Http.Reply upload = http.post("/api/documents").header("X-Request-Id", "upload-4711")
                .multipart(new MultipartBody().file("note \"quoted\".txt",
                        Fixtures.utf8("A note about the canteen menu, which changes every week."))).send();
        Http.Reply ask = http.post("/api/ask").header("X-Request-Id", "ask-4712")
                .json("{\"question\": \"When does the canteen menu change?\"}").send();

        Http.Reply stream = http.get("/api/ask/stream?question=canteen+menu").header("X-Request-Id", "stream-4713")
                .send();

        assertThat(upload.status()).isEqualTo(201);
        assertThat(ask.status()).isEqualTo(200);
        assertThat(stream.body()).contains("event:done");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().substring(from).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (RuntimeException e) {
                throw new AssertionError("Not JSON: " + line, e);
            }
            assertThat(node.isObject()).as(line).isTrue();
            lines.add(node);
        }
        JsonNode audit = lines.stream().filter(line -> "groundwork.audit".equals(line.path("log").path("logger")
                .asString(null))).findFirst().orElseThrow(() -> new AssertionError("no audit line in " + lines));
        assertThat(audit.path("requestId").asString()).isEqualTo("upload-4711");
        assertThat(audit.path("message").asString()).startsWith("action=upload outcome=created principal=local")
                .contains("file=\"note \\\"quoted\\\".txt\"");
        assertThat(audit.path("audit").path("action").asString()).isEqualTo("upload");
        assertThat(audit.path("audit").path("file").asString()).isEqualTo("note \"quoted\".txt");
        assertThat(audit.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("requestId").asString(null)).isEqualTo("ask-4712");
            assertThat(line.path("log").path("logger").asString()).isEqualTo("dev.groundwork.answer.AnswerService");
        });
        // a streamed answer is written on a thread of its own, which the request's id goes along to
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("requestId").asString(null)).isEqualTo("stream-4713");
            assertThat(line.path("log").path("logger").asString()).isEqualTo("dev.groundwork.answer.AnswerService");
            assertThat(line.path("process").path("thread").path("name").asString()).startsWith("answer-stream-");
        });
    }
}
