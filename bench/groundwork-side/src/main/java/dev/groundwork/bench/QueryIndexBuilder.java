package dev.groundwork.bench;

import dev.groundwork.index.Chunk;
import dev.groundwork.index.ChunkStore;
import dev.groundwork.index.LuceneChunkIndex;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.EmbeddedChunk;
import dev.groundwork.index.GenerationalChunkIndex;
import dev.groundwork.ingest.DocumentPipeline;
import dev.groundwork.ingest.DocumentPipeline.PreparedDocument;
import dev.groundwork.ingest.FileFacts;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Builds the index the query bench searches, through the application's own pipeline and index: first the 1,048
 * SQuAD-public paragraphs, split and embedded for real; then, up to the size asked for, synthetic chunks. A
 * synthetic chunk's text is three sentences drawn at random from the SQuAD paragraphs (so BM25 sees real words at
 * real frequencies). Its vector comes from one of two generators:
 * <ul>
 *   <li>{@code spread} (the default): a mix of 2 to 5 real vectors with random weights (exponential, so one often
 *       leads), plus a little Gaussian noise, unit length. The set spreads over the region the real embeddings span,
 *       as a larger corpus of the same kind would, without piling up around any one real vector;</li>
 *   <li>{@code hard} (the first round's): one real vector plus 0.6 of another plus noise: with only 1,164 real
 *       vectors, each is the leading part of about 860 synthetic ones per million, dense near-ties around it that
 *       are harder for any approximate index than real text is.</li>
 * </ul>
 * Written without intermediate commits (so the writer flushes only when its RAM buffer fills: few segments), then
 * merged into one segment, timed apart. Seeded: the same size and generator give the same index.
 *
 * <p>Arguments: index folder, SQuAD contexts file, chunks wanted, real-chunk cache file, generator, then
 * {@code --groundwork.key=value}.
 */
public final class QueryIndexBuilder {

    static final String VECTOR_FIELD = "vector";
    private static final int CHUNKS_PER_DOCUMENT = 50;
    private static final int REPORT_EVERY = 50_000;

    private record Paragraph(String title, String text) {
    }

    private record RealChunk(String title, String text, float[] vector) {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]).toAbsolutePath();
        List<Paragraph> paragraphs = paragraphs(Path.of(args[1]));
        long wanted = Long.parseLong(args[2]);
        Path realCache = Path.of(args[3]);
        String generator = args[4];
        Workdirs.recreate(dir);
        List<String> properties = new ArrayList<>(List.of("groundwork.index.dir=" + dir,
                "groundwork.parse.isolation=none", "spring.main.banner-mode=off",
                "logging.level.dev.groundwork=WARN"));
        for (int i = 5; i < args.length; i++) {
            properties.add(args[i].replaceFirst("^--", ""));
        }
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QueryBeans.class)
                .web(WebApplicationType.NONE).properties(properties.toArray(String[]::new)).run()) {
            DocumentPipeline pipeline = context.getBean(DocumentPipeline.class);
            GenerationalChunkIndex generations = context.getBean(GenerationalChunkIndex.class);
            // the build writes the serving generation itself, held for its whole length
            LuceneChunkIndex index = (LuceneChunkIndex) generations.acquire();
            String signature = pipeline.signature();
            List<RealChunk> real = Files.exists(realCache) ? readReal(realCache) : embedReal(pipeline, paragraphs, realCache);
            long written = 0;
            // 1. the real chunks, one document per paragraph title
            List<EmbeddedChunk> pending = new ArrayList<>();
            String title = null;
            int doc = 0;
            for (RealChunk chunk : real) {
                if (title != null && (!title.equals(chunk.title()) || pending.size() == CHUNKS_PER_DOCUMENT)) {
                    write(index, "real-" + doc++, title, pending, signature);
                    pending = new ArrayList<>();
                }
                title = chunk.title();
                pending.add(new EmbeddedChunk(new Chunk(pending.size(), null, List.of(), 0, chunk.text().length(),
                        chunk.text()), chunk.vector()));
                written++;
            }
            if (!pending.isEmpty()) {
                write(index, "real-" + doc++, title, pending, signature);
            }
            index.commit();
            // 2. synthetic chunks up to the size asked for
            List<String> sentences = sentences(paragraphs);
            Random random = new Random(42);
            int dimension = real.get(0).vector().length;
            while (written < wanted) {
                int count = (int) Math.min(CHUNKS_PER_DOCUMENT, wanted - written);
                List<EmbeddedChunk> chunks = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String text = sentences.get(random.nextInt(sentences.size())) + " "
                            + sentences.get(random.nextInt(sentences.size())) + " "
                            + sentences.get(random.nextInt(sentences.size()));
                    float[] vector = "hard".equals(generator) ? mix(real, random, dimension)
                            : spread(real, random, dimension);
                    chunks.add(new EmbeddedChunk(new Chunk(i, null, List.of(), 0, text.length(), text), vector));
                }
                write(index, "synthetic-" + doc++, paragraphs.get(random.nextInt(paragraphs.size())).title(), chunks,
                        signature);
                written += count;
                if (written % REPORT_EVERY < count) {
                    System.out.printf("%d chunks written in %.0f s%n", written, (System.nanoTime() - started) / 1e9);
                }
            }
            index.commit();
            double writeSeconds = (System.nanoTime() - started) / 1e9;
            long merging = System.nanoTime();
            index.forceMerge(1);
            double mergeSeconds = (System.nanoTime() - merging) / 1e9;
            generations.recordBuiltWith(signature);
            long chunks = index.stats().chunks();
            generations.release(index);
            new Result().put("kind", "build").put("chunks", chunks).put("real", real.size())
                    .put("generator", generator).put("seconds", QueryBench.fmt(writeSeconds + mergeSeconds))
                    .put("write_seconds", QueryBench.fmt(writeSeconds)).put("merge_seconds", QueryBench.fmt(mergeSeconds))
                    .put("cosines", cosines(real, generator, dimension)).print();
        }
    }

    private static void write(ChunkStore index, String id, String title, List<EmbeddedChunk> chunks, String signature) {
        String sha = HexFormat.of().formatHex(sha256(id));
        DocumentRecord record = new DocumentRecord(sha.substring(0, 16), sha, title, "", id + ".txt", List.of(id + ".txt"),
                "text/plain", 1000, null, chunks.size(), Instant.EPOCH, signature);
        index.upsert(record, chunks);
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] spread(List<RealChunk> real, Random random, int dimension) {
        int parts = 2 + random.nextInt(4);
        double[] sum = new double[dimension];
        for (int p = 0; p < parts; p++) {
            float[] v = real.get(random.nextInt(real.size())).vector();
            double weight = -Math.log(1 - random.nextDouble());
            for (int d = 0; d < dimension; d++) {
                sum[d] += weight * v[d];
            }
        }
        double norm = Math.sqrt(java.util.Arrays.stream(sum).map(x -> x * x).sum());
        double noise = SPREAD_NOISE / Math.sqrt(dimension);
        float[] out = new float[dimension];
        double outNorm = 0;
        for (int d = 0; d < dimension; d++) {
            out[d] = (float) (sum[d] / norm + noise * random.nextGaussian());
            outNorm += out[d] * out[d];
        }
        float scale = (float) (1 / Math.sqrt(outNorm));
        for (int d = 0; d < dimension; d++) {
            out[d] *= scale;
        }
        return out;
    }

    /** Noise added to a spread vector (length of the noise against 1 for the mix). */
    private static final double SPREAD_NOISE = Double.parseDouble(System.getProperty("bench.spreadNoise", "0.3"));

    /**
     * How the vectors spread, for the report: the mean cosine of random pairs and the mean cosine of each vector to
     * its nearest other one, in 2,000 vectors of a kind (real: the 1,164 real ones), so the generators can be
     * compared with real embeddings at the same count.
     */
    private static String cosines(List<RealChunk> real, String generator, int dimension) {
        List<float[]> reals = real.stream().map(RealChunk::vector).toList();
        Random random = new Random(99);
        List<float[]> synthetic = new ArrayList<>();
        for (int i = 0; i < reals.size(); i++) {
            synthetic.add("hard".equals(generator) ? mix(real, random, dimension) : spread(real, random, dimension));
        }
        return "real:" + pairStats(reals) + ";" + generator + ":" + pairStats(synthetic);
    }

    private static String pairStats(List<float[]> vectors) {
        double pairs = 0;
        double nearest = 0;
        for (int i = 0; i < vectors.size(); i++) {
            double best = -1;
            for (int j = 0; j < vectors.size(); j++) {
                if (i != j) {
                    double cos = org.apache.lucene.util.VectorUtil.dotProduct(vectors.get(i), vectors.get(j));
                    pairs += cos;
                    best = Math.max(best, cos);
                }
            }
            nearest += best;
        }
        int n = vectors.size();
        return String.format(java.util.Locale.ROOT, "mean=%.3f,nearest=%.3f", pairs / ((double) n * (n - 1)), nearest / n);
    }

    private static float[] mix(List<RealChunk> real, Random random, int dimension) {
        float[] a = real.get(random.nextInt(real.size())).vector();
        float[] b = real.get(random.nextInt(real.size())).vector();
        float[] out = new float[dimension];
        double noise = 0.5 / Math.sqrt(dimension);
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            out[d] = (float) (a[d] + 0.6 * b[d] + noise * random.nextGaussian());
            norm += out[d] * out[d];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < dimension; d++) {
            out[d] *= scale;
        }
        return out;
    }

    private static List<RealChunk> embedReal(DocumentPipeline pipeline, List<Paragraph> paragraphs, Path cache)
            throws Exception {
        List<RealChunk> real = new ArrayList<>();
        int n = 0;
        for (Paragraph paragraph : paragraphs) {
            String sha = HexFormat.of().formatHex(sha256(paragraph.title() + "#" + n++));
            PreparedDocument prepared = pipeline.prepareText(paragraph.title(), paragraph.text(), "p.txt",
                    new FileFacts(paragraph.text().length(), sha), Instant.EPOCH);
            prepared.chunks().forEach(chunk -> real.add(new RealChunk(paragraph.title(), chunk.chunk().text(),
                    chunk.vector())));
        }
        Files.createDirectories(cache.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
            for (RealChunk chunk : real) {
                out.writeUTF(chunk.title());
                byte[] text = chunk.text().getBytes(StandardCharsets.UTF_8);
                out.writeInt(text.length);
                out.write(text);
                out.writeInt(chunk.vector().length);
                for (float v : chunk.vector()) {
                    out.writeFloat(v);
                }
            }
        }
        return real;
    }

    private static List<RealChunk> readReal(Path cache) throws Exception {
        List<RealChunk> real = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
            while (true) {
                String title;
                try {
                    title = in.readUTF();
                } catch (EOFException end) {
                    return real;
                }
                String text = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                float[] vector = new float[in.readInt()];
                for (int d = 0; d < vector.length; d++) {
                    vector[d] = in.readFloat();
                }
                real.add(new RealChunk(title, text, vector));
            }
        }
    }

    private static List<Paragraph> paragraphs(Path contexts) throws Exception {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String line : Files.readAllLines(contexts)) {
            String title = Questions.field(line, "title");
            String text = Questions.field(line, "text");
            if (title != null && text != null) {
                paragraphs.add(new Paragraph(title.replace('_', ' '), text));
            }
        }
        return paragraphs;
    }

    private static List<String> sentences(List<Paragraph> paragraphs) {
        List<String> sentences = new ArrayList<>();
        for (Paragraph paragraph : paragraphs) {
            for (String sentence : paragraph.text().split("(?<=[.!?])\\s+")) {
                if (sentence.length() > 20) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }
}
