package dev.groundwork.observe;

import static dev.groundwork.support.FakeOpenAiServer.stream;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.FakeOpenAiServer;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.Http;
import dev.groundwork.support.MultipartBody;
import dev.groundwork.support.TestDirs;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With tracing turned on and OpenTelemetry's in-memory exporter as the only exporter, one question over HTTP is one
 * trace: the request's span, and under it the stages of the question as child spans, the call to the language model
 * and its first token included. Streamed answers run on a thread of their own and still land in the request's trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.tracing.export.enabled=true", "management.tracing.sampling.probability=1.0"})
class TracingIntegrationTests {

    private static final FakeOpenAiServer LLM = FakeOpenAiServer.start();
    private static final String GAUGE = "The pressure gauge of the boiler should read between 1.2 and 1.8 bar when the system is cold.";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
        registry.add("groundwork.llm.base-url", LLM::baseUrl);
        registry.add("groundwork.llm.first-token-timeout", () -> "2s");
        registry.add("groundwork.llm.answer-timeout", () -> "5s");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Exporter {
        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @AfterAll
    static void stopServer() {
        LLM.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    InMemorySpanExporter spans;
    @Autowired
    SdkTracerProvider tracer;

    @Test
    void oneQuestionIsOneTraceWithItsStagesAsChildSpans() {
        Http http = Http.to("http://127.0.0.1:" + port);
        assertThat(http.post("/api/documents").multipart(new MultipartBody().file("heating-manual.pdf",
                Fixtures.pdf("Heating manual. This manual explains the heating system of the Elm Street office.",
                        "The boiler is serviced once a year by a certified engineer. " + GAUGE))).send().status())
                .isEqualTo(201);
        LLM.reply(stream("The gauge should read between 1.2 and 1.8 bar ", "when the system is cold [1]."));
        flush();
        spans.reset();

        Http.Reply reply = http.post("/api/ask").json("{\"question\": \"What should the boiler pressure gauge read?\"}")
                .send();

        assertThat(reply.json().path("mode").asString()).isEqualTo("llm");
        flush();
        List<SpanData> finished = spans.getFinishedSpanItems();
        SpanData request = finished.stream().filter(span -> span.getParentSpanContext().isValid() == false)
                .filter(span -> span.getName().contains("/api/ask")).findFirst().orElseThrow(() ->
                        new AssertionError("no request span among " + names(finished)));
        List<SpanData> trace = finished.stream().filter(span -> span.getTraceId().equals(request.getTraceId()))
                .toList();
        Map<String, SpanData> byName = trace.stream().collect(Collectors.toMap(SpanData::getName, Function.identity(),
                (first, second) -> first));
        assertThat(byName).containsKeys("retrieval", "text-search", "vector-search", "fusion", "generation", "answer",
                "llm", "llm-first-token", "check");
        assertParent(byName, "retrieval", request);
        assertParent(byName, "generation", request);
        assertParent(byName, "text-search", byName.get("retrieval"));
        assertParent(byName, "vector-search", byName.get("retrieval"));
        assertParent(byName, "fusion", byName.get("retrieval"));
        assertParent(byName, "answer", byName.get("generation"));
        assertParent(byName, "check", byName.get("generation"));
        assertParent(byName, "llm", byName.get("answer"));
        assertParent(byName, "llm-first-token", byName.get("llm"));
        assertThat(byName.get("llm").getAttributes().asMap().toString()).contains("outcome=ok");
        // the reply's timings are read from its stages (the span and the figure differ by the microseconds between
        // the stage's clock and the tracer's; the old hand-made figure also counted what is outside this stage)
        long generationMs = TimeUnit.NANOSECONDS.toMillis(byName.get("generation").getEndEpochNanos()
                - byName.get("generation").getStartEpochNanos());
        assertThat(Math.abs(reply.json().path("timings").path("generationMs").asLong() - generationMs))
                .isLessThanOrEqualTo(25);
    }

    @Test
    void aStreamedAnswerRunsOnAnotherThreadInTheSameTrace() {
        Http http = Http.to("http://127.0.0.1:" + port);
        LLM.reply(stream("The gauge should read between 1.2 and 1.8 bar ", "when the system is cold [1]."));
        flush();
        spans.reset();

        Http.Reply reply = http.get("/api/ask/stream?question=boiler+pressure+gauge").send();

        assertThat(reply.body()).contains("event:done");
        flush();
        List<SpanData> finished = spans.getFinishedSpanItems();
        SpanData retrieval = finished.stream().filter(span -> span.getName().equals("retrieval")).findFirst()
                .orElseThrow(() -> new AssertionError("no retrieval span among " + names(finished)));
        SpanData generation = finished.stream().filter(span -> span.getName().equals("generation")).findFirst()
                .orElseThrow(() -> new AssertionError("no generation span among " + names(finished)));
        assertThat(generation.getTraceId()).isEqualTo(retrieval.getTraceId());
        assertThat(generation.getParentSpanId()).isEqualTo(retrieval.getParentSpanId());
    }

    private void flush() {
        tracer.forceFlush().join(10, TimeUnit.SECONDS);
    }

    private static void assertParent(Map<String, SpanData> byName, String child, SpanData parent) {
        assertThat(byName.get(child).getParentSpanId()).as(child + " under " + parent.getName())
                .isEqualTo(parent.getSpanId());
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(span -> span.getName() + "<" + span.getParentSpanId()).toList();
    }
}
