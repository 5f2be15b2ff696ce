package dev.groundwork.bench;

import dev.groundwork.bench.BenchService.Client;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.observe.Outcomes;
import dev.groundwork.observe.Stage;
import dev.groundwork.observe.Stages;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * What the metrics and observations cost: the latency of search and ask over real HTTP, one request at a time,
 * against three instances of the application in this JVM: {@code off} (the stages and outcomes observed by no one,
 * no histograms, no tracing: as before the metrics), {@code on} (the defaults: every stage a timer with its
 * histogram, the counters, tracing present but sampling nothing) and {@code traced} (as on, and every observation a
 * recorded span: sampling 1.0, with no exporter, so the cost of making spans and not of sending them). They are
 * asked in turn, request by request, in a rotating order, so that a change of the shared machine's load falls on all
 * three alike; ratios to {@code off} are taken within each run. {@code /actuator/prometheus} is scraped from the
 * {@code on} and {@code traced} instances every 100 requests, as Prometheus would every 15 s.
 *
 * <p>Arguments: work folder (emptied), SQuAD contexts, SQuAD questions, requests per kind.
 */
public final class MetricsBench {

    private static final int PRELOADED = 300;
    private static final int WARM_UP = 60;
    /** Cheap requests to each instance first, so that the code every request runs is compiled (see SecurityBench). */
    private static final int CHAIN_WARM_UP = 5000;
    private static final List<String> MODES = List.of("off", "on", "traced");
    private static final Pattern CONNECTOR = Pattern.compile("^(http-nio-.*-auto-\\d+)-exec-");

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        List<String> paragraphs = paragraphs(Path.of(args[1]));
        int requests = Integer.parseInt(args[3]);
        List<String> questions = Questions.read(Path.of(args[2]), requests + WARM_UP);
        Workdirs.recreate(work);
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try {
            List<Client> clients = new ArrayList<>();
            List<String> requestThreads = new ArrayList<>();
            for (String mode : MODES) {
                Set<String> before = connectorNames();
                ConfigurableApplicationContext context = start(mode, work.resolve(mode));
                Set<String> started = connectorNames();
                started.removeAll(before);
                if (started.size() != 1) {
                    throw new IllegalStateException("cannot tell the request threads of " + mode + ": " + started);
                }
                requestThreads.add(started.iterator().next() + "-exec-");
                contexts.add(context);
                IngestionService ingestion = context.getBean(IngestionService.class);
                for (int i = 0; i < PRELOADED; i++) {
                    ingestion.upload("squad-" + i + ".txt",
                            new ByteArrayInputStream(paragraphs.get(i).getBytes(StandardCharsets.UTF_8)));
                }
                clients.add(new Client(BenchService.port(context), null));
            }
            for (int i = 0; i < CHAIN_WARM_UP; i++) {
                for (Client client : clients) {
                    client.expect200("/api/reindex/status");
                }
            }
            for (int i = 0; i < WARM_UP; i++) {
                for (Client client : clients) {
                    client.search(questions.get(i));
                    client.ask(questions.get(i));
                }
            }
            double[][] search = new double[MODES.size()][requests];
            double[][] ask = new double[MODES.size()][requests];
            long[] cpuBefore = requestThreads.stream().mapToLong(MetricsBench::cpuNanos).toArray();
            for (int i = 0; i < requests; i++) {
                String question = questions.get(WARM_UP + i);
                for (int turn = 0; turn < MODES.size(); turn++) {
                    int m = (i + turn) % MODES.size();
                    Client client = clients.get(m);
                    search[m][i] = BenchService.timed(() -> client.search(question));
                    ask[m][i] = BenchService.timed(() -> client.ask(question));
                }
                if (i % 100 == 99) {
                    clients.get(1).expect200("/actuator/prometheus");
                    clients.get(2).expect200("/actuator/prometheus");
                }
            }
            // what the observations of one question cost, alone: each instance's own Stages and Outcomes
            double[] tree = new double[MODES.size()];
            for (int m = 0; m < MODES.size(); m++) {
                tree[m] = questionTreeMicros(contexts.get(m).getBean(Stages.class),
                        contexts.get(m).getBean(Outcomes.class));
            }
            long[] cpu = new long[MODES.size()];
            for (int m = 0; m < MODES.size(); m++) {
                cpu[m] = cpuNanos(requestThreads.get(m)) - cpuBefore[m];
            }
            for (int m = 0; m < MODES.size(); m++) {
                new Result().put("kind", "metrics").put("mode", MODES.get(m)).put("requests", requests)
                        .put("cpu_us_per_request", QueryBench.fmt(cpu[m] / 1000.0 / (2.0 * requests)))
                        .put("question_observations_us", QueryBench.fmt(tree[m]))
                        .put("search_p50", QueryBench.fmt(Stats.percentile(search[m], 50)))
                        .put("search_p95", QueryBench.fmt(Stats.percentile(search[m], 95)))
                        .put("ask_p50", QueryBench.fmt(Stats.percentile(ask[m], 50)))
                        .put("ask_p95", QueryBench.fmt(Stats.percentile(ask[m], 95)))
                        .print();
            }
        } finally {
            contexts.forEach(ConfigurableApplicationContext::close);
        }
    }

    /**
     * CPU microseconds of this thread to observe one question's stages as the service does (retrieval with
     * text-search, vector-search and fusion; generation with answer and check; the outcome counted), with no work
     * inside them: the median of 9 batches of 2,000, after 20,000 to warm up. The thread's CPU clock, not the wall
     * clock, so that the machine's load does not count.
     */
    private static double questionTreeMicros(Stages stages, Outcomes outcomes) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            observeQuestion(stages, outcomes);
        }
        double[] batches = new double[9];
        for (int b = 0; b < batches.length; b++) {
            long started = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 2_000; i++) {
                observeQuestion(stages, outcomes);
            }
            batches[b] = (threads.getCurrentThreadCpuTime() - started) / 1000.0 / 2_000;
        }
        return Stats.percentile(batches, 50);
    }

    private static void observeQuestion(Stages stages, Outcomes outcomes) {
        try (Stage retrieval = stages.start(Stages.QUESTION, "retrieval")) {
            try (Stage stage = stages.start(Stages.QUESTION, "text-search")) {
                stage.millis();
            }
            try (Stage stage = stages.start(Stages.QUESTION, "vector-search")) {
                stage.millis();
            }
            try (Stage stage = stages.start(Stages.QUESTION, "fusion")) {
                stage.millis();
            }
            retrieval.millis();
        }
        try (Stage generation = stages.start(Stages.QUESTION, "generation")) {
            try (Stage stage = stages.start(Stages.QUESTION, "answer")) {
                stage.millis();
            }
            try (Stage stage = stages.start(Stages.QUESTION, "check")) {
                stage.millis();
            }
            outcomes.question(Outcomes.Question.ANSWERED, null, generation.millis());
        }
    }

    /** The names of the servers' connectors running now ({@code http-nio-127.0.0.1-auto-2}), from their threads. */
    private static Set<String> connectorNames() {
        Set<String> names = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            Matcher name = CONNECTOR.matcher(thread.getName());
            if (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    /**
     * CPU time of one instance's request threads: where a request's observations, counters and spans are made
     * (all but the text search's stage, on its own pool). Counted the same way for the three, so their difference is
     * what the metrics cost a request, whatever the machine's load does to the latency.
     */
    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19's; this module is built for 17
    private static long cpuNanos(String threadPrefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(threadPrefix)) {
                long cpu = threads.getThreadCpuTime(thread.getId());
                sum += Math.max(0, cpu);
            }
        }
        return sum;
    }

    /** One instance of the application, as the mode has it. */
    private static ConfigurableApplicationContext start(String mode, Path work) throws Exception {
        return switch (mode) {
            case "off" -> BenchService.start(work, List.of(MetricsOff.class), List.of(
                    "management.metrics.distribution.percentiles-histogram.groundwork=false",
                    "management.metrics.distribution.percentiles-histogram.http.server.requests=false",
                    "spring.autoconfigure.exclude="
                            + "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration,"
                            + "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"));
            case "traced" -> BenchService.start(work, List.of(), List.of("management.tracing.sampling.probability=1.0"));
            default -> BenchService.start(work, List.of(), List.of());
        };
    }

    /** Title and text of each SQuAD paragraph, as a text file would hold them. */
    private static List<String> paragraphs(Path contexts) throws Exception {
        List<String> paragraphs = new ArrayList<>();
        for (String line : Files.readAllLines(contexts)) {
            String title = Questions.field(line, "title");
            String text = Questions.field(line, "text");
            if (title != null && text != null) {
                paragraphs.add(title.replace('_', ' ') + "\n\n" + text + "\n");
            }
        }
        return paragraphs;
    }

    /** Metrics off: the stages and outcomes go to no one (the services take these over the application's). */
    static class MetricsOff {
        @Bean
        @Primary
        static Stages stagesObservedByNoOne() {
            return Stages.NONE;
        }

        @Bean
        @Primary
        static Outcomes outcomesCountedByNoOne() {
            return Outcomes.NONE;
        }
    }
}
