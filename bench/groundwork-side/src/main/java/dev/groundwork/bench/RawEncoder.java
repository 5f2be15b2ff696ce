package dev.groundwork.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.groundwork.embed.BenchEncoders;
import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.EncoderSettings;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The encoders alone, on the texts Groundwork embedded in the same run (no parsing, splitting or indexing):
 * <ul>
 *   <li>{@code lc4j}: LangChain4j's in-process {@code AllMiniLmL6V2QuantizedEmbeddingModel}, as it comes (its
 *       tokenizer cuts every text at 128 tokens, so it reads less of each chunk than Groundwork does);</li>
 *   <li>{@code onnx}: the same model file on ONNX Runtime with its default options, the model's tokenizer cut at
 *       Groundwork's window (256), one text per run: the plain loop anyone would write;</li>
 *   <li>{@code groundwork}: Groundwork's encoder with the settings given, called as the pipeline calls it (256 texts
 *       per call); also the cosine of its vectors to the plain loop's, on the first texts.</li>
 * </ul>
 * Arguments: mode, texts file, then {@code limit=N} (the first N texts only) and for {@code groundwork}
 * {@code batch=N threads=N workers=N}.
 */
public final class RawEncoder {

    private static final int WINDOW = 256;
    private static final int COMPARED = 200;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Map<String, String> options = options(args);
        List<String> texts = TextsFile.read(Path.of(args[1]));
        if (options.containsKey("limit")) {
            texts = texts.subList(0, Math.min(texts.size(), Integer.parseInt(options.remove("limit"))));
        }
        Result result = new Result().put("mode", mode).put("chunks", texts.size());
        switch (mode) {
            case "lc4j" -> lc4j(texts, result);
            case "onnx" -> {
                try (PlainLoop loop = new PlainLoop()) {
                    warmUp(loop::embed);
                    long started = System.nanoTime();
                    for (String text : texts) {
                        loop.embed(text);
                    }
                    finish(result, texts.size(), started);
                }
            }
            case "groundwork" -> groundwork(texts, options, result);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        result.print();
    }

    private static void lc4j(List<String> texts, Result result) {
        AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        warmUp(text -> model.embed(text));
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        long started = System.nanoTime();
        model.embedAll(segments);
        finish(result, texts.size(), started);
    }

    private static void groundwork(List<String> texts, Map<String, String> options, Result result) throws Exception {
        EncoderSettings settings = new EncoderSettings("all-minilm-l6-v2-q", null, WINDOW, EncoderSettings.Pooling.MEAN,
                "", "", Integer.parseInt(options.getOrDefault("batch", "1")),
                Integer.parseInt(options.getOrDefault("threads", "1")),
                Integer.parseInt(options.getOrDefault("workers", "0")));
        Encoder encoder = BenchEncoders.open(settings);
        try {
            warmUp(text -> encoder.embedAll(List.of(text)));
            List<float[]> vectors = new ArrayList<>(texts.size());
            long started = System.nanoTime();
            for (int from = 0; from < texts.size(); from += 256) {
                vectors.addAll(encoder.embedAll(texts.subList(from, Math.min(texts.size(), from + 256))));
            }
            finish(result, texts.size(), started);
            options.forEach(result::put);
            // What tokenizing costs: the splitter's token counter runs the same tokenizer over the same texts.
            long tokenizing = System.nanoTime();
            texts.forEach(encoder.tokenCounter()::count);
            result.put("tokenize_seconds", (System.nanoTime() - tokenizing) / 1e9);
            try (PlainLoop loop = new PlainLoop()) {
                double min = 1;
                double sum = 0;
                int compared = Math.min(COMPARED, texts.size());
                for (int i = 0; i < compared; i++) {
                    double cosine = Encoder.similarity(vectors.get(i), loop.embed(texts.get(i)));
                    min = Math.min(min, cosine);
                    sum += cosine;
                }
                result.put("cosine_min", min).put("cosine_mean", sum / compared);
            }
        } finally {
            BenchEncoders.close(encoder);
        }
    }

    private static void warmUp(java.util.function.Consumer<String> embed) {
        for (int i = 0; i < 20; i++) {
            embed.accept("Warm-up text number " + i + " for the encoder, of a modest length.");
        }
    }

    private static void finish(Result result, int chunks, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        result.put("seconds", seconds).put("chunks_per_s", chunks / seconds);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            options.put(pair[0], pair[1]);
        }
        return options;
    }

    /** The plain loop: one session with default options, one text per run, mean pooling, unit length. */
    static final class PlainLoop implements AutoCloseable {
        private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
        private final OrtSession session;
        private final HuggingFaceTokenizer tokenizer;

        PlainLoop() throws Exception {
            ClassLoader loader = RawEncoder.class.getClassLoader();
            try (InputStream model = loader.getResourceAsStream("all-minilm-l6-v2-q.onnx");
                 InputStream json = loader.getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json")) {
                session = environment.createSession(model.readAllBytes(), new OrtSession.SessionOptions());
                tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("truncation", "true",
                        "maxLength", Integer.toString(WINDOW), "padding", "false"));
            }
        }

        float[] embed(String text) {
            Encoding encoding = tokenizer.encode(text);
            long[] ids = encoding.getIds();
            long[] mask = encoding.getAttentionMask();
            long[] shape = {1, ids.length};
            try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                 OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                 OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape);
                 OrtSession.Result out = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor,
                         "token_type_ids", typeTensor))) {
                FloatBuffer hidden = ((OnnxTensor) out.get(0)).getFloatBuffer();
                int dim = hidden.capacity() / ids.length;
                float[] vector = new float[dim];
                for (int token = 0; token < ids.length; token++) {
                    for (int d = 0; d < dim; d++) {
                        vector[d] += hidden.get(token * dim + d);
                    }
                }
                double norm = 0;
                for (float v : vector) {
                    norm += v * v;
                }
                for (int d = 0; d < dim; d++) {
                    vector[d] /= (float) Math.sqrt(norm);
                }
                return vector;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws Exception {
            session.close();
            tokenizer.close();
        }
    }
}
