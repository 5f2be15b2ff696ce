package dev.groundwork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.ingest.IngestionService;
import dev.groundwork.retrieve.RetrievalRequest;
import dev.groundwork.retrieve.Retriever;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.TestDirs;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.concurrent.ExecutorConfigurationSupport;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every thread of the service belongs to an executor Spring made, named, stops with the application and reports as
 * {@code executor.*} metrics; none is made by hand, none lives outside the context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThreadsIntegrationTests {

    /** Each executor's bean name, and the prefix of its threads. */
    private static final Map<String, String> EXECUTORS = Map.of(
            "encoderRuns", "encoder-",
            "textSearches", "text-search-",
            "parseWatchdog", "parse-watchdog-",
            "syncRuns", "folder-sync-",
            "syncMakers", "folder-sync-maker-",
            "answerStreamThreads", "answer-stream-",
            "taskScheduler", "scheduling-");
    /** The threads of the pools the service used to make by hand. */
    private static final List<String> HAND_MADE = List.of("text-search", "index-refresh", "parse-watchdog",
            "parse-worker-warm-up", "folder-sync");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
        registry.add("groundwork.sync.cron", () -> "-");
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MeterRegistry meters;
    @Autowired
    IngestionService ingestion;
    @Autowired
    Retriever retriever;

    @Test
    void everyExecutorIsSpringsNamedAndMeasured() {
        EXECUTORS.forEach((name, prefix) -> {
            ExecutorConfigurationSupport executor = context.getBean(name, ExecutorConfigurationSupport.class);
            assertThat(executor.getThreadNamePrefix()).as(name).isEqualTo(prefix);
            assertThat(meters.find("executor.pool.size").tag("name", name).gauge()).as(name + " metrics").isNotNull();
        });
    }

    @Test
    void searchesAndUploadsRunOnThoseExecutorsAndNoneOnAPoolMadeByHand() {
        ingestion.upload("lighthouse.txt", new ByteArrayInputStream(
                Fixtures.utf8("The keeper writes the weather into the logbook every four hours.")));
        double before = completed("textSearches");

        retriever.retrieve(RetrievalRequest.of("how often is the weather written down"));

        assertThat(completed("textSearches")).as("the BM25 half ran on the text searches").isGreaterThan(before);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).doesNotContainAnyElementsOf(HAND_MADE);
    }

    private double completed(String executor) {
        return meters.get("executor.completed").tag("name", executor).functionCounter().count();
    }
}
