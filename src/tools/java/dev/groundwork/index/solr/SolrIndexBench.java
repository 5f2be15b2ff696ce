package dev.groundwork.index.solr;

import dev.groundwork.index.Chunk;
import dev.groundwork.index.ChunkFilter;
import dev.groundwork.index.ChunkIndex;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.EmbeddedChunk;
import dev.groundwork.index.IndexSettings;
import dev.groundwork.index.LuceneChunkIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.junit.jupiter.api.Test;

/**
 * The same chunks through embedded Lucene and through SolrCloud on this machine: ingestion (documents of ten chunks
 * upserted, a commit every hundred documents as a sync batch commits, then a merge into one segment per shard) and
 * query latency (the two searches a question makes, BM25 and kNN, 50 candidates each) with p50 and p99, side by side
 * with the overhead ratio. Chunks are synthetic: text of words drawn from a Zipf law over 20,000 words, random unit
 * vectors of the default encoder's 384 dimensions (the hardest case for HNSW); both backends get the same ones.
 * The Solr cluster (two nodes, in this JVM) shares the machine's cores with the client, as one machine must.
 *
 * <p>Not part of the build (its name does not end in Tests): {@code bench/solr.sh} runs it on the newest JDK with
 * Lucene's vector module. Settings: {@code -Dbench.chunks} (100000), {@code -Dbench.queries} (1000),
 * {@code -Dbench.shards} (2), {@code -Dbench.replicas} (1), {@code -Dbench.dimension} (384).
 */
class SolrIndexBench {

    private static final int CHUNKS_PER_DOCUMENT = 10;
    private static final int WORDS_PER_CHUNK = 60;
    private static final int VOCABULARY = 20_000;
    private static final int COMMIT_EVERY = 100;
    private static final int CANDIDATES = 50;
    private static final int WARM_UP = 200;

    private final int chunks = Integer.getInteger("bench.chunks", 100_000);
    private final int queries = Integer.getInteger("bench.queries", 1000);
    private final int shards = Integer.getInteger("bench.shards", 2);
    private final int replicas = Integer.getInteger("bench.replicas", 1);
    private final int dimension = Integer.getInteger("bench.dimension", 384);
    private final String[] words = words();
    private final double[] zipf = zipf();

    /** What one backend measured. */
    private record Figures(double docsPerSecond, double ingestSeconds, double mergeSeconds, long[] textNanos,
                           long[] vectorNanos, long[] bothNanos, long bytesOnDisk) {
    }

    /** The report, printed as it goes and kept in {@code target/solr-bench-report.md}. */
    private final StringBuilder report = new StringBuilder();

    @Test
    void embeddedAndSolrSideBySide() throws Exception {
        say("%d chunks (%d documents), %d dimensions, %d queries; Java %s, %d cores; load %s", chunks,
                chunks / CHUNKS_PER_DOCUMENT, dimension, queries, Runtime.version(),
                Runtime.getRuntime().availableProcessors(), load());
        Figures lucene = embedded();
        Figures solr = solrCloud();
        print(lucene, solr);
        Files.writeString(Path.of("target", "solr-bench-report.md"), report);
    }

    private void say(String format, Object... arguments) {
        String line = String.format(Locale.ROOT, format, arguments);
        report.append(line).append('\n');
        System.out.println(line);
    }

    /** The machine's load average (1, 5, 15 minutes): the figures are only as quiet as the machine was. */
    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private Figures embedded() throws IOException {
        Path dir = Files.createTempDirectory("bench-lucene");
        IndexSettings settings = new IndexSettings(dir, Duration.ofSeconds(1), 64, 0.5, IndexSettings.VectorFormat.FLOAT);
        try (LuceneChunkIndex index = new LuceneChunkIndex(settings)) {
            long started = System.nanoTime();
            ingest(index);
            double ingestSeconds = seconds(started);
            started = System.nanoTime();
            index.forceMerge(1);
            double mergeSeconds = seconds(started);
            say("embedded: ingested in %.1f s, merged in %.1f s; load %s", ingestSeconds, mergeSeconds, load());
            perChunk(dir);
            return query(index, ingestSeconds, mergeSeconds, size(dir));
        } finally {
            delete(dir);
        }
    }

    private Figures solrCloud() throws Exception {
        String collection = SolrTestCluster.uniqueName("bench");
        // merging 100k vectors into one segment per shard takes minutes on a busy machine: no 30 s limit here
        IndexSettings settings = SolrTestCluster.settings(collection, Duration.ofHours(1));
        try (CloudSolrClient client = SolrTestCluster.client(settings)) {
            SolrCluster cluster = new SolrCluster(client, new SolrCluster.VectorShape(dimension, settings.hnswM(),
                    settings.hnswBeamWidth()));
            cluster.create(collection, cluster.ensureConfigSet(), shards, replicas);
            try {
                SolrChunkIndex index = new SolrChunkIndex(client, collection,
                        new SolrQueries(settings.contextBoost(), settings.knnCandidates()));
                long started = System.nanoTime();
                ingest(index);
                double ingestSeconds = seconds(started);
                say("solr: ingested in %.1f s; load %s", ingestSeconds, load());
                started = System.nanoTime();
                client.optimize(collection, true, true, 1);
                double mergeSeconds = seconds(started);
                say("solr: merged in %.1f s; load %s", mergeSeconds, load());
                return query(index, ingestSeconds, mergeSeconds, solrBytes(collection));
            } finally {
                deleteQuietly(cluster, collection);
            }
        }
    }

    /** Drops the bench's collection; a failure to is printed, not thrown over the failure that led here. */
    private static void deleteQuietly(SolrCluster cluster, String collection) {
        try {
            cluster.delete(collection);
        } catch (RuntimeException e) {
            System.out.println("could not delete " + collection + ": " + e.getMessage());
        }
    }

    private void ingest(ChunkIndex index) {
        Random random = new Random(42);
        int documents = chunks / CHUNKS_PER_DOCUMENT;
        for (int d = 0; d < documents; d++) {
            String id = String.format("%016x", d);
            List<EmbeddedChunk> embedded = new ArrayList<>(CHUNKS_PER_DOCUMENT);
            String title = "Report " + words[d % VOCABULARY] + " " + words[(d * 7) % VOCABULARY];
            for (int c = 0; c < CHUNKS_PER_DOCUMENT; c++) {
                String text = text(random, WORDS_PER_CHUNK);
                embedded.add(new EmbeddedChunk(new Chunk(c, c + 1, List.of("Section " + c), 0, text.length(), text),
                        unit(random), title));
            }
            index.upsert(new DocumentRecord(id, id + "0".repeat(48), title, "", id + ".txt", List.of(id + ".txt"),
                    "text/plain", 10_000, CHUNKS_PER_DOCUMENT, CHUNKS_PER_DOCUMENT, Instant.EPOCH, "bench"), embedded);
            if ((d + 1) % COMMIT_EVERY == 0) {
                index.commit();
            }
            if ((d + 1) % (documents / 10) == 0) {
                System.out.printf(Locale.ROOT, "  %d%% ingested%n", (d + 1) * 100 / documents);
                System.out.flush();
            }
        }
        index.commit();
    }

    private Figures query(ChunkIndex index, double ingestSeconds, double mergeSeconds, long bytes) {
        Random random = new Random(7);
        for (int i = 0; i < WARM_UP; i++) {
            index.searchText(text(random, 8), CANDIDATES, ChunkFilter.NONE);
            index.searchVector(unit(random), CANDIDATES, ChunkFilter.NONE);
        }
        long[] text = new long[queries];
        long[] vector = new long[queries];
        long[] both = new long[queries];
        for (int i = 0; i < queries; i++) {
            String question = text(random, 8);
            float[] embedded = unit(random);
            long started = System.nanoTime();
            index.searchText(question, CANDIDATES, ChunkFilter.NONE);
            long middle = System.nanoTime();
            index.searchVector(embedded, CANDIDATES, ChunkFilter.NONE);
            long ended = System.nanoTime();
            text[i] = middle - started;
            vector[i] = ended - middle;
            both[i] = ended - started;
        }
        return new Figures(chunks / CHUNKS_PER_DOCUMENT / ingestSeconds, ingestSeconds, mergeSeconds, text, vector,
                both, bytes);
    }

    private void print(Figures lucene, Figures solr) {
        String layout = "Solr " + shards + " shard(s) x " + replicas + " replica(s)";
        say("%n| %d chunks | embedded Lucene | %s | Solr / embedded |%n|---|---|---|---|", chunks, layout);
        row("ingestion, documents/s (10 chunks each)", lucene.docsPerSecond(), solr.docsPerSecond(), "%.0f");
        row("ingestion, s", lucene.ingestSeconds(), solr.ingestSeconds(), "%.1f");
        row("merge to one segment per shard, s", lucene.mergeSeconds(), solr.mergeSeconds(), "%.1f");
        row("BM25 search p50, ms", percentile(lucene.textNanos(), 50), percentile(solr.textNanos(), 50), "%.2f");
        row("BM25 search p99, ms", percentile(lucene.textNanos(), 99), percentile(solr.textNanos(), 99), "%.2f");
        row("kNN search p50, ms", percentile(lucene.vectorNanos(), 50), percentile(solr.vectorNanos(), 50), "%.2f");
        row("kNN search p99, ms", percentile(lucene.vectorNanos(), 99), percentile(solr.vectorNanos(), 99), "%.2f");
        row("both (a question's index time) p50, ms", percentile(lucene.bothNanos(), 50),
                percentile(solr.bothNanos(), 50), "%.2f");
        row("both (a question's index time) p99, ms", percentile(lucene.bothNanos(), 99),
                percentile(solr.bothNanos(), 99), "%.2f");
        row("index on disk, MB (all replicas)", lucene.bytesOnDisk() / 1e6, solr.bytesOnDisk() / 1e6, "%.0f");
    }

    private void row(String name, double lucene, double solr, String format) {
        say("| %s | " + format + " | " + format + " | %.2f |", name, lucene, solr, solr / lucene);
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int at = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, at))] / 1e6;
    }

    private String text(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            double draw = random.nextDouble();
            int index = Arrays.binarySearch(zipf, draw);
            text.append(i == 0 ? "" : " ").append(words[index < 0 ? Math.min(-index - 1, VOCABULARY - 1) : index]);
        }
        return text.toString();
    }

    private float[] unit(Random random) {
        float[] vector = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) random.nextGaussian();
            norm += vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dimension; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    /** Made-up words of 3 to 9 letters, the same every run. */
    private static String[] words() {
        Random random = new Random(1);
        String[] words = new String[VOCABULARY];
        for (int i = 0; i < VOCABULARY; i++) {
            char[] letters = new char[3 + random.nextInt(7)];
            for (int j = 0; j < letters.length; j++) {
                letters[j] = (char) ('a' + random.nextInt(26));
            }
            words[i] = new String(letters);
        }
        return words;
    }

    /** The cumulative Zipf distribution (s = 1) over the vocabulary. */
    private static double[] zipf() {
        double[] cumulative = new double[VOCABULARY];
        double sum = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static long solrBytes(String collection) throws IOException {
        long[] total = {0};
        try (Stream<Path> files = Files.walk(SolrTestCluster.get().getBaseDir())) {
            files.filter(path -> path.toString().contains(collection) && Files.isRegularFile(path))
                    .filter(path -> path.toString().contains("/data/index"))
                    .forEach(countInto(total));
        }
        return total[0];
    }

    /** Bytes per chunk on disk by what they hold: the float vectors (.vec), the HNSW graph (.vex), the rest. */
    private void perChunk(Path dir) throws IOException {
        long[] vectors = {0};
        long[] graph = {0};
        long[] rest = {0};
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(path -> {
                String name = path.getFileName().toString();
                countInto(name.endsWith(".vec") ? vectors : name.endsWith(".vex") ? graph : rest).accept(path);
            });
        }
        say("embedded, bytes per chunk on disk: vectors %.0f, HNSW graph %.0f, text, postings and stored fields %.0f",
                (double) vectors[0] / chunks, (double) graph[0] / chunks, (double) rest[0] / chunks);
    }

    private static long size(Path dir) throws IOException {
        long[] total = {0};
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(countInto(total));
        }
        return total[0];
    }

    private static Consumer<Path> countInto(long[] total) {
        return path -> {
            try {
                total[0] += Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
