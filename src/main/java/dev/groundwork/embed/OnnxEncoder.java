package dev.groundwork.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.groundwork.embed.EncoderSettings.Pooling;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import dev.groundwork.text.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sentence-transformer encoder run directly on ONNX Runtime: one session, the model's own tokenizer (each text
 * tokenized once, cut at the window), texts sorted by length and run in batches padded only to the longest text of
 * the batch, then pooled and normalised. Text longer than the window is truncated, never split and averaged: the
 * splitter already sizes chunks to the window.
 *
 * <p>Runs go on at most {@code workers} at a time, each on {@code threads} intra-op threads, so that together they
 * use the cores without oversubscribing them. The caller's thread takes part: a call with one text (a query) runs
 * on it alone, without a hand-over.
 */
final class OnnxEncoder implements Encoder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OnnxEncoder.class);

    private final String modelId;
    private final String signature;
    private final Pooling pooling;
    private final int maxTokens;
    private final int batchSize;
    private final String queryPrefix;
    private final String passagePrefix;
    private final Calibration calibration;
    /** The window less the passage prefix's tokens: what a passage's own text may take. */
    private final int passageTokens;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean wantsTokenTypes;
    private final HuggingFaceTokenizer windowTokenizer;
    private final HuggingFaceTokenizer plainTokenizer;
    private final int dimension;
    private final int workers;
    /** Bounds the runs going on at once, across every caller. */
    private final Semaphore running;
    private final ExecutorService helpers;

    /** @param helpers where runs go beside the caller's own (see {@link #embedAll}); not shut down by the encoder */
    OnnxEncoder(EncoderSettings settings, ExecutorService helpers) {
        this(ModelSource.of(settings), settings, helpers);
    }

    OnnxEncoder(ModelSource source, EncoderSettings settings, ExecutorService helpers) {
        long started = System.nanoTime();
        EncoderSettings.Resolved resolved = settings.resolve(source);
        this.modelId = source.modelId();
        this.pooling = resolved.pooling();
        this.maxTokens = resolved.maxTokens();
        this.batchSize = settings.batchSize();
        this.queryPrefix = resolved.queryPrefix();
        this.passagePrefix = resolved.passagePrefix();
        this.calibration = source.calibration();
        this.workers = settings.effectiveWorkers();
        this.running = new Semaphore(workers);
        this.helpers = helpers;
        this.signature = source.fingerprint() + "/" + pooling.name().toLowerCase() + "/" + maxTokens
                + (queryPrefix.isEmpty() ? "" : "/q=" + queryPrefix)
                + (passagePrefix.isEmpty() ? "" : "/p=" + passagePrefix);
        try {
            this.environment = OrtEnvironment.getEnvironment();
            this.session = createSession(source, settings.effectiveThreads());
            this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
            this.windowTokenizer = tokenizer(source, Map.of("addSpecialTokens", "true", "truncation", "true",
                    "padding", "false", "maxLength", Integer.toString(maxTokens)));
            this.plainTokenizer = tokenizer(source, Map.of("addSpecialTokens", "false", "truncation", "false",
                    "padding", "false"));
            this.passageTokens = maxTokens - (passagePrefix.isEmpty() ? 0 : plainTokenizer.encode(passagePrefix).getIds().length);
            this.dimension = embedAll(List.of("dimension probe")).get(0).length;
        } catch (OrtException | IOException | RuntimeException e) {
            throw new EncoderUnavailableException("Cannot load the encoder '" + modelId + "': " + e.getMessage(), e);
        }
        log.info("Encoder {} ready: {} dimensions, window {} tokens, {} pooling, {} run(s) at once on {} thread(s) "
                        + "each, in {} ms", modelId, dimension, maxTokens, pooling.name().toLowerCase(), workers,
                settings.effectiveThreads(), (System.nanoTime() - started) / 1_000_000);
    }

    private OrtSession createSession(ModelSource source, int threads) throws OrtException, IOException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             InputStream model = source.model().open()) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            return environment.createSession(model.readAllBytes(), options);
        }
    }

    private static HuggingFaceTokenizer tokenizer(ModelSource source, Map<String, String> options) throws IOException {
        try (InputStream in = source.tokenizer().open()) {
            return HuggingFaceTokenizer.newInstance(in, options);
        }
    }

    /** Runs going on now, across every caller. */
    int busyRuns() {
        return workers - running.availablePermits();
    }

    /** Runs that may go on at once. */
    int maxRuns() {
        return workers;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public String signature() {
        return signature;
    }

    @Override
    public Calibration calibration() {
        return calibration;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The window a passage's own text may fill: the model's window less the passage prefix it is given. */
    @Override
    public int maxTokens() {
        return passageTokens;
    }

    @Override
    public TokenCounter tokenCounter() {
        return tokenCounter;
    }

    private final TokenCounter tokenCounter = new TokenCounter() {
        @Override
        public int count(String text) {
            return text.isEmpty() ? 0 : plainTokenizer.encode(text).getIds().length;
        }

        @Override
        public int prefixEnd(String text, int tokens) {
            if (text.isEmpty()) {
                return 0;
            }
            CharSpan[] spans = plainTokenizer.encode(text).getCharTokenSpans();
            if (spans.length <= tokens) {
                return text.length();
            }
            // The tokenizer counts code points; a Java string counts UTF-16 units, two for each emoji and the like.
            int codePoints = text.codePointCount(0, text.length());
            int end = Math.max(0, Math.min(codePoints, spans[Math.max(tokens, 1) - 1].getEnd()));
            return text.offsetByCodePoints(0, end);
        }
    };

    @Override
    public float[] embedQuery(String question) {
        if (Texts.isBlank(question)) {
            throw new IllegalArgumentException("Cannot embed blank text");
        }
        return embed(List.of(queryPrefix + question)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        for (String text : texts) {
            if (Texts.isBlank(text)) {
                throw new IllegalArgumentException("Cannot embed blank text");
            }
        }
        return embed(passagePrefix.isEmpty() ? texts : texts.stream().map(text -> passagePrefix + text).toList());
    }

    private List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        Encoding[] encodings = windowTokenizer.batchEncode(texts);
        // Similar lengths share a batch, so little compute goes to padding.
        Integer[] order = IntStream.range(0, encodings.length).boxed()
                .sorted(Comparator.comparingInt(i -> encodings[i].getIds().length))
                .toArray(Integer[]::new);
        float[][] vectors = new float[texts.size()][];
        int batches = (order.length + batchSize - 1) / batchSize;
        // Batches are taken from a shared counter by the caller and up to workers - 1 helpers, each run holding a
        // permit, so all callers together never run more than `workers` at once.
        AtomicInteger next = new AtomicInteger();
        Runnable drain = () -> {
            for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                int from = b * batchSize;
                int to = Math.min(order.length, from + batchSize);
                Encoding[] batch = new Encoding[to - from];
                for (int i = from; i < to; i++) {
                    batch[i - from] = encodings[order[i]];
                }
                float[][] embedded = runHoldingPermit(batch);
                for (int i = from; i < to; i++) {
                    vectors[order[i]] = embedded[i - from];
                }
            }
        };
        List<Future<?>> helping = new ArrayList<>();
        for (int i = 1; i < Math.min(workers, batches); i++) {
            helping.add(helpers.submit(drain));
        }
        RuntimeException failure = null;
        try {
            drain.run();
        } catch (RuntimeException e) {
            failure = e;
            next.set(batches); // the helpers stop after their current run
        }
        for (Future<?> helper : helping) {
            try {
                helper.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while embedding", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return Arrays.asList(vectors);
    }

    private float[][] runHoldingPermit(Encoding[] batch) {
        running.acquireUninterruptibly();
        try {
            return run(batch);
        } finally {
            running.release();
        }
    }

    private float[][] run(Encoding[] batch) {
        int rows = batch.length;
        int width = Arrays.stream(batch).mapToInt(e -> e.getIds().length).max().orElse(0);
        long[] ids = new long[rows * width];
        long[] mask = new long[rows * width];
        for (int row = 0; row < rows; row++) {
            long[] rowIds = batch[row].getIds();
            System.arraycopy(rowIds, 0, ids, row * width, rowIds.length);
            Arrays.fill(mask, row * width, row * width + rowIds.length, 1L);
        }
        long[] shape = {rows, width};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (wantsTokenTypes) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * width]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor output = (OnnxTensor) result.get(0);
                long[] outputShape = output.getInfo().getShape();
                return pool(output.getFloatBuffer(), outputShape, mask, width);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to embed " + rows + " texts: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /** Pools [rows, tokens, dim] token vectors (or takes [rows, dim] sentence vectors as they are), then normalises. */
    private float[][] pool(FloatBuffer hidden, long[] shape, long[] mask, int width) {
        int rows = (int) shape[0];
        float[][] out = new float[rows][];
        if (shape.length == 2) {
            int dim = (int) shape[1];
            for (int row = 0; row < rows; row++) {
                float[] vector = new float[dim];
                hidden.get(row * dim, vector);
                out[row] = normalise(vector);
            }
            return out;
        }
        int dim = (int) shape[2];
        for (int row = 0; row < rows; row++) {
            float[] vector = new float[dim];
            int base = row * width * dim;
            if (pooling == Pooling.CLS) {
                hidden.get(base, vector);
            } else {
                int counted = 0;
                for (int token = 0; token < width; token++) {
                    if (mask[row * width + token] == 0) {
                        continue;
                    }
                    counted++;
                    int offset = base + token * dim;
                    for (int d = 0; d < dim; d++) {
                        vector[d] += hidden.get(offset + d);
                    }
                }
                for (int d = 0; d < dim; d++) {
                    vector[d] /= Math.max(counted, 1);
                }
            }
            out[row] = normalise(vector);
        }
        return out;
    }

    private static float[] normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            log.warn("Closing the ONNX session failed: {}", e.getMessage());
        }
        windowTokenizer.close();
        plainTokenizer.close();
    }
}
