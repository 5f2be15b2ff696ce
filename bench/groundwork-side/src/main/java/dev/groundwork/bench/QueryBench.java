package dev.groundwork.bench;

import dev.groundwork.embed.Encoder;
import dev.groundwork.index.ChunkFilter;
import dev.groundwork.index.ChunkIndex;
import dev.groundwork.index.GenerationalChunkIndex;
import dev.groundwork.retrieve.RetrievalRequest;
import dev.groundwork.retrieve.Retriever;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.VectorUtil;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Query latency, HNSW recall and memory at one index size, on an index built by {@link QueryIndexBuilder} (kept in
 * the cache folder). The application's own beans answer: {@link Retriever} for the whole search (query embedding,
 * BM25, kNN, fusion, stored fields), and its parts alone; raw Lucene for the kNN search alone and for the exact
 * search recall is measured against.
 *
 * <p>Arguments: index folder, questions file, questions per pass, passes, then {@code --groundwork.key=value}.
 */
public final class QueryBench {

    private static final int RECALL_QUERIES = 200;
    /** HNSW asked for this many nearest (its search beam), of which the first 10 are compared with the exact 10. */
    static final int[] RECALL_KS = {10, 50, 100, 200, 400, 800};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        List<String> questions = Questions.read(Path.of(args[1]), Integer.parseInt(args[2]));
        int passes = Integer.parseInt(args[3]);
        List<String> properties = new ArrayList<>(List.of("groundwork.index.dir=" + dir,
                "groundwork.parse.isolation=none", "spring.main.banner-mode=off",
                "logging.level.dev.groundwork=WARN"));
        for (int i = 4; i < args.length; i++) {
            properties.add(args[i].replaceFirst("^--", ""));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QueryBeans.class)
                .web(WebApplicationType.NONE).properties(properties.toArray(String[]::new)).run()) {
            Retriever retriever = context.getBean(Retriever.class);
            GenerationalChunkIndex generations = context.getBean(GenerationalChunkIndex.class);
            ChunkIndex index = generations.acquire(); // held for the whole bench: nothing switches meanwhile
            Encoder encoder = context.getBean(Encoder.class);
            long chunks = index.stats().chunks();
            List<float[]> vectors = questions.stream().map(encoder::embedQuery).toList();

            try (FSDirectory directory = FSDirectory.open(dir.resolve(generations.serving().name()));
                 DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                // warm-up: one pass of everything, so the JIT and the page cache are as in a service that has been up
                measure(questions, q -> retriever.retrieve(RetrievalRequest.of(q)));
                measureVectors(vectors, v -> knn(searcher, v, 10));

                List<String> lines = new ArrayList<>();
                for (int pass = 1; pass <= passes; pass++) {
                    Result result = new Result().put("kind", "latency").put("pass", pass).put("chunks", chunks)
                            .put("segments", reader.leaves().size());
                    put(result, "search", measure(questions, q -> retriever.retrieve(RetrievalRequest.of(q))));
                    put(result, "embed", measure(questions, encoder::embedQuery));
                    put(result, "bm25", measure(questions, q -> index.searchText(q, 50, ChunkFilter.NONE)));
                    put(result, "knn_app", measureVectors(vectors, v -> index.searchVector(v, 50, ChunkFilter.NONE)));
                    put(result, "knn10", measureVectors(vectors, v -> knn(searcher, v, 10)));
                    put(result, "knn50", measureVectors(vectors, v -> knn(searcher, v, 50)));
                    put(result, "knn100", measureVectors(vectors, v -> knn(searcher, v, 100)));
                    put(result, "knn200", measureVectors(vectors, v -> knn(searcher, v, 200)));
                    put(result, "knn400", measureVectors(vectors, v -> knn(searcher, v, 400)));
                    put(result, "knn800", measureVectors(vectors, v -> knn(searcher, v, 800)));
                    result.print();
                }
                recall(searcher, vectors.subList(0, Math.min(RECALL_QUERIES, vectors.size())), chunks).print();
            }
            memory(chunks).print();
        }
    }

    private static TopDocs knn(IndexSearcher searcher, float[] vector, int k) {
        try {
            return searcher.search(new KnnFloatVectorQuery(QueryIndexBuilder.VECTOR_FIELD, vector, k), k);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double[] measure(List<String> questions, Consumer<String> work) {
        double[] millis = new double[questions.size()];
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            work.accept(questions.get(i));
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return millis;
    }

    private static double[] measureVectors(List<float[]> vectors, Consumer<float[]> work) {
        double[] millis = new double[vectors.size()];
        for (int i = 0; i < millis.length; i++) {
            long started = System.nanoTime();
            work.accept(vectors.get(i));
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return millis;
    }

    private static void put(Result result, String name, double[] millis) {
        result.put(name + "_p50", fmt(Stats.percentile(millis, 50)))
                .put(name + "_p95", fmt(Stats.percentile(millis, 95)))
                .put(name + "_p99", fmt(Stats.percentile(millis, 99)));
    }

    /** HNSW's top 10 (asked for 10, and for 50 as the retriever asks) against an exact scan of every vector. */
    private static Result recall(IndexSearcher searcher, List<float[]> queries, long chunks) throws Exception {
        int n = queries.size();
        float[][] bestScores = new float[n][10];
        int[][] bestDocs = new int[n][10];
        for (float[] row : bestScores) {
            java.util.Arrays.fill(row, Float.NEGATIVE_INFINITY);
        }
        long started = System.nanoTime();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(QueryIndexBuilder.VECTOR_FIELD);
            if (values == null) {
                continue;
            }
            for (int doc = values.nextDoc(); doc != FloatVectorValues.NO_MORE_DOCS; doc = values.nextDoc()) {
                float[] vector = values.vectorValue();
                int global = leaf.docBase + doc;
                for (int q = 0; q < n; q++) {
                    float score = VectorUtil.dotProduct(queries.get(q), vector);
                    offer(bestScores[q], bestDocs[q], score, global);
                }
            }
        }
        double exactMs = (System.nanoTime() - started) / 1e6 / n;
        Result result = new Result().put("kind", "recall").put("queries", n).put("chunks", chunks);
        // How close the exact neighbours are: the cosine gap between the 1st and the 10th exact one, and how far the
        // 10th found by HNSW falls below the exact 10th (near-ties make recall low while the results are as good).
        double spread = 0;
        double shortfall = 0;
        for (int q = 0; q < n; q++) {
            float[] sorted = bestScores[q].clone();
            java.util.Arrays.sort(sorted);
            spread += sorted[9] - sorted[0];
        }
        for (int k : RECALL_KS) {
            double hits = 0;
            for (int q = 0; q < n; q++) {
                java.util.Set<Integer> exact = new java.util.HashSet<>();
                for (int doc : bestDocs[q]) {
                    exact.add(doc);
                }
                TopDocs found = knn(searcher, queries.get(q), k);
                hits += overlap(found, exact, 10);
                if (k == 100 && found.scoreDocs.length >= 10) {
                    float[] sorted = bestScores[q].clone();
                    java.util.Arrays.sort(sorted);
                    shortfall += sorted[0] - (2 * found.scoreDocs[9].score - 1);
                }
            }
            result.put("recall10_k" + k, fmt(hits / (10.0 * n)));
        }
        result.put("exact_gap_1_10", fmt(spread / n)).put("k100_shortfall_10th", fmt(shortfall / n));
        return result.put("exact_ms", fmt(exactMs));
    }

    private static int overlap(TopDocs top, java.util.Set<Integer> exact, int first) {
        int found = 0;
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = 0; i < Math.min(first, docs.length); i++) {
            if (exact.contains(docs[i].doc)) {
                found++;
            }
        }
        return found;
    }

    private static void offer(float[] scores, int[] docs, float score, int doc) {
        int worst = 0;
        for (int i = 1; i < scores.length; i++) {
            if (scores[i] < scores[worst]) {
                worst = i;
            }
        }
        if (score > scores[worst]) {
            scores[worst] = score;
            docs[worst] = doc;
        }
    }

    /** Heap in use after a full collection, the heap's limit, and the process's resident memory. */
    private static Result memory(long chunks) throws Exception {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long heapMax = Runtime.getRuntime().maxMemory();
        String status = Files.readString(Path.of("/proc/self/status"));
        return new Result().put("kind", "memory").put("chunks", chunks)
                .put("heap_used_mib", heapUsed >> 20).put("heap_max_mib", heapMax >> 20)
                .put("rss_mib", kib(status, "VmRSS") >> 10).put("rss_anon_mib", kib(status, "RssAnon") >> 10)
                .put("rss_file_mib", kib(status, "RssFile") >> 10);
    }

    private static long kib(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
