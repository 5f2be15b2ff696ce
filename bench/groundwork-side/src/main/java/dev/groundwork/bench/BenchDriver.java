package dev.groundwork.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The speed benchmark's driver: runs every contender in a JVM of its own (the application's classpath for
 * Groundwork and the raw encoders, Easy RAG's own for Easy RAG) and prints what it measured as Markdown, also kept
 * in {@code target/bench-report.md}. Run it with {@code bench/run.sh}; its options are in bench/README.md.
 */
public final class BenchDriver {

    private final Options options;
    private final Child child;
    private final String appClasspath;
    private final String easyRagClasspath;
    private final StringBuilder report = new StringBuilder();

    private BenchDriver(Options options) throws IOException {
        this.options = options;
        this.child = new Child(options.java, jvmFlags(options.java), Path.of("target/logs"));
        this.appClasspath = classpath("groundwork-side");
        this.easyRagClasspath = classpath("easyrag-side");
    }

    public static void main(String[] args) throws Exception {
        new BenchDriver(Options.parse(args)).run();
    }

    private void run() throws Exception {
        header();
        if (options.ingest && options.squadRuns > 0) {
            awaitQuiet("ingestion, SQuAD");
            ingestion("SQuAD-public paragraphs", squadFolder(), "squad", options.squadRuns);
        }
        if (options.ingest && !options.quick && options.corpusRuns > 0) {
            awaitQuiet("ingestion, corpus");
            ingestion("corpus (" + options.corpus + ")", options.corpus, "corpus", options.corpusRuns);
        }
        if (options.steps) {
            awaitQuiet("encoder steps");
            encoderSteps();
        }
        if (options.query) {
            query();
        }
        if (options.security) {
            awaitQuiet("security");
            security();
        }
        if (options.metrics) {
            awaitQuiet("metrics");
            metrics();
        }
        line("");
        line("Load average at the end: " + load());
        Path out = Path.of("target/bench-report.md");
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        System.err.println("Report written to bench/" + out);
    }

    // ---- header

    private void header() throws Exception {
        line("# Groundwork speed benchmark (" + (options.quick ? "quick" : "full") + ")");
        line("");
        line("- Date: " + Instant.now());
        line("- Machine: " + cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + memory());
        line("- JDK of the contenders: " + javaVersion() + " with " + String.join(" ", jvmFlags(options.java)));
        line("- Load average at the start: " + load());
        line("- Runs per figure: " + options.runs + " (SQuAD ingestion: " + options.squadRuns + ", corpus ingestion: "
                + (options.quick ? 0 : options.corpusRuns) + ") (median, with min and max)");
        line("- Groundwork's encoder: " + options.encoder + " (`groundwork.encoder.model`, the model's own window, "
                + "pooling and prefixes)");
        line("");
    }

    // ---- ingestion

    /** Every ingestion contender, in the order of the first run; {@code --contenders} picks some. */
    static final List<String> CONTENDERS = List.of("groundwork", "onnx", "lc4j", "easyrag", "easyrag-e5",
            "groundwork-128", "groundwork-cold");

    private void ingestion(String title, Path corpus, String key, int runs) throws Exception {
        Path texts = Path.of("target/work/texts-" + key + ".bin").toAbsolutePath();
        List<String> chosen = CONTENDERS.stream().filter(options.contenders::contains).toList();
        Map<String, List<Map<String, String>>> results = new LinkedHashMap<>();
        chosen.forEach(contender -> results.put(contender, new ArrayList<>()));
        List<String> loads = new ArrayList<>();
        String loadBefore = load();
        List<String> rotating = chosen.stream().filter(c -> !c.equals("groundwork-cold")).toList();
        for (int run = 1; run <= runs; run++) {
            System.err.println("Ingestion, " + key + ", run " + run + " of " + runs);
            loads.add(load().split(" ")[0]);
            // Groundwork first in the first run (it writes the chunks the raw encoders embed); later runs reverse or
            // rotate the order, so that a change of load over the run does not always fall on the same contender.
            // The cold pass (no pipeline warm-up) runs once, in the first run.
            List<String> order = new ArrayList<>(rotating);
            if (run % 3 == 2) {
                java.util.Collections.reverse(order);
            } else if (run % 3 == 0) {
                java.util.Collections.rotate(order, -1);
            }
            if (run == 1 && chosen.contains("groundwork-cold")) {
                order.add("groundwork-cold");
            }
            for (String contender : order) {
                String name = key + "-" + contender + "-" + run;
                Map<String, String> result = switch (contender) {
                    case "groundwork" -> groundworkIngest(name, corpus, key, texts, List.of(), List.of());
                    case "groundwork-128" -> groundworkIngest(name, corpus, key + "-128",
                            Path.of("target/work/texts-" + key + "-128.bin").toAbsolutePath(), List.of(),
                            List.of("--groundwork.encoder.max-tokens=128"));
                    case "groundwork-cold" -> groundworkIngest(name, corpus, key + "-cold",
                            Path.of("target/work/texts-" + key + "-cold.bin").toAbsolutePath(),
                            List.of("-Dbench.warmUpDocuments=0"), List.of());
                    case "onnx", "lc4j" -> child.run(name, appClasspath, List.of("-Xmx2g"),
                            "dev.groundwork.bench.RawEncoder", List.of(contender, texts.toString())).get(0);
                    case "easyrag" -> easyRagIngest(name, corpus, "default");
                    case "easyrag-e5" -> easyRagIngest(name, corpus, "e5-small-v2-q");
                    default -> throw new IllegalArgumentException(contender);
                };
                results.get(contender).add(result);
            }
        }
        line("## Ingestion: " + title);
        line("");
        StringBuilder summary = new StringBuilder();
        if (results.containsKey("groundwork")) {
            Map<String, String> g = results.get("groundwork").get(0);
            summary.append("Groundwork (encoder ").append(options.encoder).append("): ").append(g.get("documents"))
                    .append(" documents indexed (").append(g.get("failed")).append(" refused), ").append(g.get("chunks"))
                    .append(" chunks, ").append(g.get("tokens")).append(" tokens read by the encoder (window ")
                    .append(g.get("window")).append("). ");
        }
        for (String easy : List.of("easyrag", "easyrag-e5")) {
            if (results.containsKey(easy)) {
                Map<String, String> e = results.get(easy).get(0);
                summary.append("Easy RAG (").append(e.get("model")).append("): ").append(e.get("documents"))
                        .append(" documents loaded, ").append(e.get("chunks")).append(" segments, ").append(e.get("tokens"))
                        .append(" tokens read by its model (its splitter: 300 tokens). ");
            }
        }
        line(summary + "Load average before: " + loadBefore + ", after: " + load()
                + "; 1-minute load at the start of each run: " + String.join(", ", loads) + ".");
        line("");
        line("| contender | documents/s | chunks/s | tokens embedded/s | seconds | parse s | embed s | note |");
        line("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, List<Map<String, String>>> entry : results.entrySet()) {
            List<Map<String, String>> r = entry.getValue();
            String label = switch (entry.getKey()) {
                case "groundwork" -> "**Groundwork, end to end** (parse, split, embed, index, commit)";
                case "onnx" -> "raw encoder: plain ONNX Runtime loop, MiniLM-q at window 256, same chunks";
                case "lc4j" -> "raw encoder: LangChain4j AllMiniLmL6V2QuantizedEmbeddingModel, same chunks";
                case "easyrag" -> "LangChain4j Easy RAG, same documents, its defaults (" + r.get(0).get("model") + ")";
                case "easyrag-e5" -> "*equal-model control:* Easy RAG with Groundwork's model (" + r.get(0).get("model") + ")";
                case "groundwork-128" -> "*control, not the default:* Groundwork, `groundwork.encoder.max-tokens=128`";
                default -> "Groundwork, cold: the first pass after start-up (no pipeline warm-up; 1 run)";
            };
            String note = switch (entry.getKey()) {
                case "groundwork", "groundwork-cold" -> "CPU of the pass by thread: " + r.get(0).get("cpu");
                case "onnx", "lc4j" -> "embedding only";
                case "groundwork-128" -> r.get(0).get("chunks") + " chunks, " + r.get(0).get("tokens") + " tokens";
                default -> "its own chunks; in-memory store, nothing on disk; CPU of the process over the pass: "
                        + r.get(0).get("cpu");
            };
            line("| " + label + " | " + stat(r, "documents_per_s") + " | " + stat(r, "chunks_per_s") + " | "
                    + stat(r, "tokens_per_s") + " | " + stat(r, "seconds") + " | " + stat(r, "load_seconds") + " | "
                    + stat(r, "embed_seconds") + " | " + note + " |");
        }
        line("");
        line("Parse s: Easy RAG's loading (Tika) before it splits, alone; Groundwork parses while it embeds, so none. "
                + "Embed s: time inside the model's calls, summed over the calls (Groundwork's run on two threads at once).");
        line("");
        line("Ratios, each taken within one run, then the median (min, max) over the runs:");
        line("");
        ratioLine(results, "groundwork", "onnx", "chunks_per_s", "Groundwork end to end / plain ONNX loop, chunks/s", "");
        ratioLine(results, "easyrag", "groundwork", "seconds",
                "Easy RAG time / Groundwork time for the same documents, each with its defaults", " (goal >= 1.5)");
        ratioLine(results, "groundwork", "easyrag", "tokens_per_s",
                "Groundwork tokens embedded/s / Easy RAG tokens embedded/s", "");
        ratioLine(results, "easyrag-e5", "groundwork", "seconds",
                "Equal-model control: Easy RAG with " + options.encoder + " time / Groundwork time", "");
        ratioLine(results, "easyrag", "groundwork-128", "seconds", "Control: Easy RAG time / Groundwork time with a window of 128", "");
        line("");
    }

    private void ratioLine(Map<String, List<Map<String, String>>> results, String a, String b, String key, String text,
                           String goal) {
        if (results.containsKey(a) && results.containsKey(b)) {
            line("- " + text + ": **" + ratio(results.get(a), results.get(b), key) + "**" + goal);
        }
    }

    private Map<String, String> easyRagIngest(String name, Path corpus, String model) throws Exception {
        return child.run(name, easyRagClasspath, List.of("-Xmx4g"), "dev.groundwork.bench.easyrag.EasyRagIngest",
                List.of(corpus.toString(), model)).get(0);
    }

    private Map<String, String> groundworkIngest(String name, Path corpus, String key, Path texts, List<String> jvm,
                                                 List<String> settings) throws Exception {
        List<String> flags = new ArrayList<>(List.of("-Xmx2g"));
        flags.addAll(jvm);
        List<String> args = new ArrayList<>(List.of(corpus.toString(), "target/work/groundwork-" + key, texts.toString()));
        args.add("--groundwork.encoder.model=" + options.encoder);
        args.addAll(settings);
        return child.run(name, appClasspath, flags, "dev.groundwork.bench.GroundworkIngest", args).get(0);
    }

    private Path squadFolder() throws IOException {
        int limit = options.quick ? 300 : Integer.MAX_VALUE;
        Path folder = Path.of("target/work/squad-docs-" + (options.quick ? "300" : "all")).toAbsolutePath();
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Path staging = Path.of(folder + ".tmp");
        Workdirs.recreate(staging);
        int n = 0;
        for (String line : Files.readAllLines(options.squad)) {
            String title = Questions.field(line, "title");
            String text = Questions.field(line, "text");
            if (title == null || text == null || n >= limit) {
                continue;
            }
            Files.writeString(staging.resolve(String.format(Locale.ROOT, "%04d-%s.txt", n++,
                    title.replaceAll("[^A-Za-z0-9_-]", "_"))), title.replace('_', ' ') + "\n\n" + text + "\n");
        }
        Files.move(staging, folder);
        return folder;
    }

    // ---- encoder steps

    private void encoderSteps() throws Exception {
        Path texts = Path.of("target/work/texts-squad.bin").toAbsolutePath();
        if (!Files.exists(texts)) {
            System.err.println("Encoder steps need the SQuAD chunks of an ingestion run; skipped");
            return;
        }
        System.err.println("Encoder steps");
        String loadBefore = load();
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("plain ONNX loop (reference)", List.of("onnx", "limit=600"));
        variants.put("before: one run at a time on 2 intra-op threads", List.of("groundwork", "limit=600", "batch=1",
                "threads=2", "workers=1"));
        variants.put("padded batches of 8, one run at a time on 2 threads", List.of("groundwork", "limit=600",
                "batch=8", "threads=2", "workers=1"));
        variants.put("one run at a time on 1 thread", List.of("groundwork", "limit=600", "batch=1", "threads=1",
                "workers=1"));
        variants.put("**now: 2 runs at once, 1 thread each** (default)", List.of("groundwork", "limit=600", "batch=1",
                "threads=1", "workers=2"));
        variants.putAll(options.extraSteps);
        Map<String, List<Map<String, String>>> results = new LinkedHashMap<>();
        for (int run = 1; run <= options.runs; run++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                List<String> args = new ArrayList<>(variant.getValue());
                args.add(1, texts.toString());
                results.computeIfAbsent(variant.getKey(), k -> new ArrayList<>()).add(child.run(
                        "step-" + results.size() + "-" + run, appClasspath, List.of("-Xmx2g"),
                        "dev.groundwork.bench.RawEncoder", args).get(0));
            }
        }
        List<Map<String, String>> reference = results.values().iterator().next();
        line("## Encoder steps (SQuAD chunks, encoder alone)");
        line("");
        line("The first 600 SQuAD chunks. Load average before: " + loadBefore + ", after: " + load() + ". Cosine: "
                + "Groundwork's vectors against the plain loop's (one text per run), first 200 chunks. Tokenizing all "
                + "600 texts took " + stat(results.get("**now: 2 runs at once, 1 thread each** (default)"),
                "tokenize_seconds") + " s of the encoder's time, so tokenizing once more or less was left as it is.");
        line("");
        line("| variant | chunks/s | vs plain loop | min cosine | mean cosine |");
        line("|---|---|---|---|---|");
        results.forEach((name, runs) -> line("| " + name + " | " + stat(runs, "chunks_per_s") + " | "
                + ratio(runs, reference, "chunks_per_s") + " | " + runs.get(0).getOrDefault("cosine_min", "")
                + " | " + runs.get(0).getOrDefault("cosine_mean", "") + " |"));
        line("");
    }

    // ---- security

    /**
     * Search, ask and upload over HTTP with Spring Security's filter left out, in local mode and in keys mode: the three
     * side by side in one JVM per run, asked in turn; ratios to "off" taken within each run.
     */
    private void security() throws Exception {
        Map<String, List<Map<String, String>>> results = new LinkedHashMap<>();
        List<String> modes = List.of("off", "local", "keys");
        modes.forEach(mode -> results.put(mode, new ArrayList<>()));
        String loadBefore = load();
        for (int run = 1; run <= options.runs; run++) {
            System.err.println("Security, run " + run + " of " + options.runs);
            for (Map<String, String> result : child.run("security-" + run, appClasspath, List.of("-Xmx3g"),
                    "dev.groundwork.bench.SecurityBench", List.of(Path.of("target/work/security").toAbsolutePath().toString(),
                            options.squad.toString(), options.questionsFile.toString(),
                            Integer.toString(options.securityRequests)))) {
                results.get(result.get("mode")).add(result);
            }
        }
        line("## Access control: latency with security on and off");
        line("");
        line("Over real HTTP, one client with keep-alive, one request at a time, " + options.securityRequests
                + " of each kind after a warm-up (5,000 re-index status requests to each instance, so that the code every "
                + "request runs is compiled, then 60 of each kind), on an index of 300 SQuAD paragraphs: search (`GET /api/search`, k=5), "
                + "ask (`POST /api/ask`, extractive), upload (`POST /api/documents`, one SQuAD paragraph as a text file). "
                + "*off*: Spring Security's filter not registered with the servlet container, as before access control; "
                + "*local*: the default (Host allowlist, cross-site check, rate limits, headers, audit); *keys*: every "
                + "request with an API key. The three run side by side in one JVM per run and are asked in turn, request by "
                + "request, in a rotating order, so that the machine's load falls on all three alike. Load average before: "
                + loadBefore + ", after: " + load() + ".");
        line("");
        line("| mode | search p50 / p95 ms | ask p50 / p95 ms | upload p50 / p95 ms | search p50 vs off | ask p50 vs off | upload p50 vs off |");
        line("|---|---|---|---|---|---|---|");
        List<Map<String, String>> off = results.get("off");
        for (String mode : modes) {
            List<Map<String, String>> runs = results.get(mode);
            line("| " + mode + " | " + stat(runs, "search_p50") + " / " + stat(runs, "search_p95") + " | "
                    + stat(runs, "ask_p50") + " / " + stat(runs, "ask_p95") + " | " + stat(runs, "upload_p50") + " / "
                    + stat(runs, "upload_p95") + " | " + ratio(runs, off, "search_p50") + " | "
                    + ratio(runs, off, "ask_p50") + " | " + ratio(runs, off, "upload_p50") + " |");
        }
        line("");
        line("Goal: search, ask and upload with security on within 5 % of off (a ratio of at most 1.05×).");
        line("");
    }

    // ---- metrics

    /**
     * Search and ask over HTTP with the metrics and observations off, on (the defaults) and on with every span
     * recorded: the three side by side in one JVM per run, asked in turn; ratios to "off" taken within each run.
     */
    private void metrics() throws Exception {
        Map<String, List<Map<String, String>>> results = new LinkedHashMap<>();
        List<String> modes = List.of("off", "on", "traced");
        modes.forEach(mode -> results.put(mode, new ArrayList<>()));
        String loadBefore = load();
        for (int run = 1; run <= options.runs; run++) {
            System.err.println("Metrics, run " + run + " of " + options.runs);
            for (Map<String, String> result : child.run("metrics-" + run, appClasspath, List.of("-Xmx3g"),
                    "dev.groundwork.bench.MetricsBench", List.of(Path.of("target/work/metrics").toAbsolutePath().toString(),
                            options.squad.toString(), options.questionsFile.toString(),
                            Integer.toString(options.metricsRequests)))) {
                results.get(result.get("mode")).add(result);
            }
        }
        line("## Operating it: what the metrics and observations cost");
        line("");
        line("Over real HTTP, one client with keep-alive, one request at a time, " + options.metricsRequests
                + " of each kind after a warm-up (5,000 re-index status requests to each instance, then 60 of each kind), "
                + "on an index of 300 SQuAD paragraphs: search (`GET /api/search`, k=5) and ask (`POST /api/ask`, "
                + "extractive). *off*: the stages and outcomes observed by no one, no histograms, no tracing, as before "
                + "the metrics; *on*: the defaults (every stage a timer with its histogram, the counters, tracing present "
                + "but sampling nothing), `/actuator/prometheus` scraped every 100 requests; *traced*: as *on*, and every "
                + "observation a recorded span (sampling 1.0, no exporter). The three run side by side in one JVM per run "
                + "and are asked in turn, request by request, in a rotating order. Load average before: " + loadBefore
                + ", after: " + load() + ".");
        line("");
        line("| mode | search p50 / p95 ms | ask p50 / p95 ms | search p50 vs off | ask p50 vs off | CPU of the request threads per request, µs | vs off | one question's observations, µs of CPU |");
        line("|---|---|---|---|---|---|---|---|");
        List<Map<String, String>> off = results.get("off");
        for (String mode : modes) {
            List<Map<String, String>> runs = results.get(mode);
            line("| " + mode + " | " + stat(runs, "search_p50") + " / " + stat(runs, "search_p95") + " | "
                    + stat(runs, "ask_p50") + " / " + stat(runs, "ask_p95") + " | " + ratio(runs, off, "search_p50")
                    + " | " + ratio(runs, off, "ask_p50") + " | " + stat(runs, "cpu_us_per_request") + " | "
                    + ratio(runs, off, "cpu_us_per_request") + " | " + stat(runs, "question_observations_us") + " |");
        }
        line("");
        line("CPU per request: the CPU time of each instance's Tomcat request threads over the measured requests "
                + "(thread CPU clocks), divided by the requests (search and ask alike): unlike latency, it does not "
                + "move with the machine's load. One question's observations: the CPU of observing one question's "
                + "stages as the service does (retrieval with text-search, vector-search and fusion; generation with "
                + "answer and check; its outcome counted) with no work inside, through each instance's own beans: "
                + "the cost of the metrics alone, to set against a search's or an answer's time.");
        line("");
        line("Goal: search and ask with the metrics on within 2 % of off (a ratio of at most 1.02×).");
        line("");
    }

    // ---- query

    private void query() throws Exception {
        line("## Query");
        line("");
        line("Index: the 1,048 SQuAD-public paragraphs, split and embedded for real (1,164 chunks), then synthetic chunks up "
                + "to the size (text: three SQuAD sentences drawn at random). Vectors: `spread` = a mix of 2 to 5 real "
                + "vectors with random weights plus a little noise; `hard` = the first round's: one real vector + 0.6 "
                + "of another + noise. Built through the application's index (HNSW M=" + options.hnswM + ", beam width "
                + options.hnswBeamWidth + ", vector format " + options.vectorFormat + ") without intermediate commits, "
                + "then merged into one segment. Queries: " + options.questions + " SQuAD-public questions, embedded at "
                + "query time; " + options.runs + " pass(es) after a warm-up pass. Search = the application's Retriever: "
                + "query embedding, BM25 top 50 (on another thread) and kNN top 50 (HNSW collecting "
                + "`groundwork.index.knn-candidates`, default 400), z-score fusion, stored fields. kNN alone = Lucene's "
                + "KnnFloatVectorQuery with k = 10, 100, 200, 400, 800 (k is its search beam); recall@10 = its first 10 against an "
                + "exact scan of every vector (200 questions). The search JVM runs with -Xmx1g.");
        line("");
        line("| chunks | vectors | segments | search p50 / p95 / p99 ms | query embedding p50 | BM25 p50 | "
                + "kNN (app) p50 | kNN alone (Lucene) p50 ms, k=10 / 100 / 200 / 400 / 800 | recall@10, k=10 / 50 / 100 / 200 / 400 / 800 | "
                + "exact 1st - 10th cosine | heap after GC MiB | RSS MiB (anon + file) | build s (write + merge) | load |");
        line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (long size : options.sizes) {
            queryRow(size, "spread");
        }
        for (long size : options.hardSizes) {
            queryRow(size, "hard");
        }
        line("");
        line("Goals at 100k: search p50 <= 10 ms, p99 <= 30 ms; at 1M: kNN alone p50 <= 2 ms with recall@10 >= 0.95, "
                + "heap <= 1 GiB.");
    }

    /** Builds (once, then cached) and searches the index of one size and vector generator; one row of the table. */
    private void queryRow(long size, String generator) throws Exception {
        Path dir = Path.of("target/cache/index-" + options.encoder + "-" + size + "-" + options.vectorFormat + "-"
                + generator + "-m" + options.hnswM + "-b" + options.hnswBeamWidth).toAbsolutePath();
        List<String> settings = List.of("--groundwork.encoder.model=" + options.encoder,
                "--groundwork.index.vector-format=" + options.vectorFormat,
                "--groundwork.index.hnsw-m=" + options.hnswM, "--groundwork.index.hnsw-beam-width=" + options.hnswBeamWidth);
        if (options.rebuild || !Files.exists(dir.resolve("BUILT"))) {
            System.err.println("Building the " + size + "-chunk index, " + generator + " vectors (kept in " + dir + ")");
            // No refresh during the build and a RAM buffer near Lucene's limit: few segments, then merged into one.
            List<String> args = new ArrayList<>(List.of(dir.toString(), options.squad.toString(),
                    Long.toString(size), Path.of("target/cache/real-chunks-" + options.encoder + ".bin").toAbsolutePath().toString(), generator,
                    "--groundwork.index.ram-buffer-mb=1900", "--groundwork.index.refresh-interval=1h"));
            args.addAll(settings);
            Map<String, String> built = child.run("build-" + size + "-" + generator, appClasspath, List.of("-Xmx6g"),
                    "dev.groundwork.bench.QueryIndexBuilder", args).get(0);
            Files.writeString(dir.resolve("BUILT"), built.toString());
        }
        Map<String, String> built = parseBuilt(Files.readString(dir.resolve("BUILT")));
        awaitQuiet("query, " + size + " " + generator);
        System.err.println("Querying the " + size + "-chunk index (" + generator + ")");
        String loadBefore = load();
        List<String> args = new ArrayList<>(List.of(dir.toString(), options.questionsFile.toString(),
                Integer.toString(options.questions), Integer.toString(options.runs)));
        args.addAll(settings);
        List<Map<String, String>> results = child.run("query-" + size + "-" + generator, appClasspath,
                List.of("-Xmx1g"), "dev.groundwork.bench.QueryBench", args);
        List<Map<String, String>> passes = results.stream().filter(r -> "latency".equals(r.get("kind"))).toList();
        Map<String, String> recall = results.stream().filter(r -> "recall".equals(r.get("kind"))).findFirst().orElseThrow();
        Map<String, String> memory = results.stream().filter(r -> "memory".equals(r.get("kind"))).findFirst().orElseThrow();
        queryRows.add("| " + passes.get(0).get("chunks") + " | " + generator + " | " + passes.get(0).get("segments")
                + " | " + stat(passes, "search_p50") + " / " + stat(passes, "search_p95") + " / "
                + stat(passes, "search_p99") + " | " + stat(passes, "embed_p50") + " | " + stat(passes, "bm25_p50")
                + " | " + stat(passes, "knn_app_p50") + " | " + stat(passes, "knn10_p50") + " / "
                + stat(passes, "knn100_p50") + " / " + stat(passes, "knn200_p50") + " / " + stat(passes, "knn400_p50")
                + " / " + stat(passes, "knn800_p50") + " | " + recall.get("recall10_k10")
                + " / " + recall.get("recall10_k50") + " / " + recall.get("recall10_k100") + " / "
                + recall.get("recall10_k200") + " / " + recall.get("recall10_k400") + " / "
                + recall.get("recall10_k800") + " | "
                + recall.get("exact_gap_1_10") + " | " + memory.get("heap_used_mib") + " | " + memory.get("rss_mib")
                + " (" + memory.get("rss_anon_mib") + " + " + memory.get("rss_file_mib") + ") | "
                + built.getOrDefault("write_seconds", "?") + " + " + built.getOrDefault("merge_seconds", "?")
                + " | " + loadBefore + " |");
        line(queryRows.get(queryRows.size() - 1));
    }

    private final List<String> queryRows = new ArrayList<>();

    /** The builder's result as kept in the cache ({@code {key=value, ...}}). */
    private static Map<String, String> parseBuilt(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.replaceAll("^\\{|\\}\\s*$", "").split(", ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return values;
    }

    // ---- figures

    /** Median (min, max) of one figure over the runs. */
    private static String stat(List<Map<String, String>> runs, String key) {
        List<Double> values = runs.stream().map(r -> r.get(key)).filter(v -> v != null && !v.equals("null"))
                .map(Double::parseDouble).toList();
        if (values.isEmpty()) {
            return "n/a";
        }
        if (values.size() == 1) {
            return fmt(values.get(0));
        }
        return fmt(Stats.median(values)) + " (" + fmt(values.stream().mapToDouble(v -> v).min().orElseThrow()) + "–"
                + fmt(values.stream().mapToDouble(v -> v).max().orElseThrow()) + ")";
    }

    /** The ratio a/b within each run, then the median (min, max) of those. */
    private static String ratio(List<Map<String, String>> a, List<Map<String, String>> b, String key) {
        List<Map<String, String>> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            double value = Double.parseDouble(a.get(i).get(key)) / Double.parseDouble(b.get(i).get(key));
            ratios.add(Map.of("r", Double.toString(value)));
        }
        return stat(ratios, "r").replaceAll("^([0-9.]+)", "$1×");
    }

    private static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }

    private long waitedMillis;

    /**
     * Before a measured part: while the machine's 1-minute load is above {@code --quiet-load}, waits (2 minutes at a
     * time) within a budget of {@code --max-wait-min} for the whole run; the load each part started at is reported.
     */
    private void awaitQuiet(String part) throws InterruptedException {
        while (true) {
            double load = Double.parseDouble(load().split(" ")[0]);
            if (load <= options.quietLoad || waitedMillis >= options.maxWaitMinutes * 60_000L) {
                System.err.printf(Locale.ROOT, "%s: load %.2f%s%n", part, load, load > options.quietLoad
                        ? " (above " + options.quietLoad + ", waiting budget spent)" : "");
                return;
            }
            System.err.printf(Locale.ROOT, "%s: load %.2f above %.2f, waiting 2 min (%d min waited so far)%n", part,
                    load, options.quietLoad, waitedMillis / 60_000);
            Thread.sleep(120_000);
            waitedMillis += 120_000;
        }
    }

    // ---- environment

    private static List<String> jvmFlags(Path java) {
        int feature = featureVersion(java);
        List<String> flags = new ArrayList<>(List.of("-XX:+UseG1GC"));
        if (feature >= 21) {
            flags.addAll(List.of("--add-modules", "jdk.incubator.vector",
                    "-Dorg.apache.lucene.vectorization.upperJavaFeatureVersion=" + feature,
                    "--enable-native-access=ALL-UNNAMED"));
        }
        return flags;
    }

    private static int featureVersion(Path java) {
        try {
            Path release = java.toRealPath().getParent().getParent().resolve("release");
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    return Integer.parseInt(line.replaceAll("JAVA_VERSION=\"?([0-9]+).*", "$1"));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through: treat as the oldest
        }
        return 17;
    }

    private String javaVersion() {
        try {
            Process process = new ProcessBuilder(options.java.toString(), "-version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out.lines().skip(1).findFirst().orElse("?").trim();
        } catch (IOException | InterruptedException e) {
            return "?";
        }
    }

    private static String cpu() {
        return read("/proc/cpuinfo", lines -> lines.stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?"));
    }

    private static String memory() {
        return read("/proc/meminfo", lines -> lines.stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB").findFirst().orElse("?"));
    }

    static String load() {
        return read("/proc/loadavg", lines -> String.join(" ", List.of(lines.get(0).split(" ")).subList(0, 3)));
    }

    private static String read(String file, Function<List<String>, String> pick) {
        try {
            return pick.apply(Files.readAllLines(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String classpath(String module) throws IOException {
        Path dir = Path.of(module).toAbsolutePath();
        return dir.resolve("target/classes") + ":" + Files.readString(dir.resolve("target/runtime.classpath")).trim();
    }

    /** What to run; see bench/README.md. */
    static final class Options {
        boolean quick;
        boolean ingest = true;
        boolean query = true;
        boolean steps = true;
        boolean security = true;
        int securityRequests = 300;
        boolean metrics = true;
        int metricsRequests = 300;
        boolean rebuild;
        int runs = 3;
        int corpusRuns = -1;
        int squadRuns = -1;
        String encoder = "e5-small-v2-q";
        List<String> contenders = CONTENDERS;
        int questions = 300;
        String vectorFormat = "float";
        double quietLoad = 1.0;
        int maxWaitMinutes = 40;
        int hnswM = 32;
        int hnswBeamWidth = 100;
        List<Long> hardSizes = List.of(1_000_000L);
        List<Long> sizes = List.of(10_000L, 100_000L, 1_000_000L);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path corpus = Path.of("../../shared/corpus");
        Path squad = Path.of("../../shared/eval/squad-public/contexts.jsonl");
        Path questionsFile = Path.of("../../shared/eval/squad-public/questions.jsonl");
        Map<String, List<String>> extraSteps = new LinkedHashMap<>();

        static Options parse(String[] args) {
            Options options = new Options();
            Integer runs = null;
            List<Long> sizes = null;
            List<Long> hardSizes = null;
            for (String arg : args) {
                String[] pair = arg.split("=", 2);
                String value = pair.length > 1 ? pair[1] : "";
                switch (pair[0]) {
                    case "--quick" -> options.quick = true;
                    case "--no-ingest" -> options.ingest = false;
                    case "--no-query" -> options.query = false;
                    case "--no-steps" -> options.steps = false;
                    case "--no-security" -> options.security = false;
                    case "--security-requests" -> options.securityRequests = Integer.parseInt(value);
                    case "--no-metrics" -> options.metrics = false;
                    case "--metrics-requests" -> options.metricsRequests = Integer.parseInt(value);
                    case "--rebuild" -> options.rebuild = true;
                    case "--runs" -> runs = Integer.parseInt(value);
                    case "--corpus-runs" -> options.corpusRuns = Integer.parseInt(value);
                    case "--squad-runs" -> options.squadRuns = Integer.parseInt(value);
                    case "--encoder" -> options.encoder = value;
                    case "--contenders" -> {
                        options.contenders = List.of(value.split(","));
                        if (!CONTENDERS.containsAll(options.contenders)) {
                            throw new IllegalArgumentException("--contenders: choose from " + CONTENDERS);
                        }
                    }
                    case "--questions" -> options.questions = Integer.parseInt(value);
                    case "--vector-format" -> options.vectorFormat = value;
                    case "--hnsw-m" -> options.hnswM = Integer.parseInt(value);
                    case "--quiet-load" -> options.quietLoad = Double.parseDouble(value);
                    case "--max-wait-min" -> options.maxWaitMinutes = Integer.parseInt(value);
                    case "--hnsw-beam-width" -> options.hnswBeamWidth = Integer.parseInt(value);
                    case "--hard-sizes" -> hardSizes = value.isEmpty() ? List.of()
                            : List.of(value.split(",")).stream().map(Long::parseLong).toList();
                    case "--sizes" -> sizes = List.of(value.split(",")).stream().map(Long::parseLong).toList();
                    case "--java" -> options.java = Path.of(value);
                    case "--corpus" -> options.corpus = Path.of(value);
                    case "--squad" -> options.squad = Path.of(value);
                    case "--squad-questions" -> options.questionsFile = Path.of(value);
                    case "--step" -> {
                        String[] parts = value.split(":", 2);
                        options.extraSteps.put(parts[0], List.of(("groundwork " + parts[1]).split(" ")));
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + arg + " (see bench/README.md)");
                }
            }
            if (options.quick) {
                options.runs = 1;
                options.questions = 100;
                options.steps = false;
                options.securityRequests = Math.min(options.securityRequests, 100);
                options.metricsRequests = Math.min(options.metricsRequests, 100);
                options.sizes = List.of(10_000L, 100_000L);
                options.hardSizes = List.of();
                options.maxWaitMinutes = 0;
            }
            if (hardSizes != null) {
                options.hardSizes = hardSizes;
            }
            if (runs != null) {
                options.runs = runs;
            }
            if (sizes != null) {
                options.sizes = sizes;
            }
            if (options.squadRuns < 0) {
                options.squadRuns = options.runs;
            }
            if (options.corpusRuns < 0) {
                options.corpusRuns = options.runs;
            }
            return options;
        }
    }
}
