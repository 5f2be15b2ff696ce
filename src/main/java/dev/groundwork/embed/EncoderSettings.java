package dev.groundwork.embed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which ONNX encoder to run and how.
 *
 * @param model       a bundled model name ({@code all-minilm-l6-v2}, {@code all-minilm-l6-v2-q},
 *                    {@code bge-small-en-v1.5-q}, {@code e5-small-v2-q}); ignored when {@code modelDir} is set
 * @param modelDir    a sentence-transformer folder holding {@code model.onnx} and {@code tokenizer.json}
 * @param maxTokens   the window the encoder reads, special tokens included; longer text is truncated, so the
 *                    splitter sizes chunks to fit it. Null: the model's own (256 for a folder)
 * @param pooling     how token vectors become one vector; null: the model's own (mean for a folder)
 * @param queryPrefix text put before a question when it is embedded; null: the model's own (bge: its
 *                    instruction, e5: "query: ", none for a folder)
 * @param passagePrefix text put before every passage when it is embedded; null: the model's own (e5: "passage: ")
 * @param batchSize   texts per ONNX run; 1 by default because batching barely speeds up a CPU run here, and
 *                    padding changes the vectors of dynamically quantized models (cosine about 0.99)
 * @param threads     ONNX intra-op threads of one run; 0 uses every core
 * @param workers     ONNX runs at once, each on its own texts; 0 fits as many as the cores hold beside the intra-op
 *                    threads ({@code workers x threads <= cores}). Measured here (BENCHMARKS.md, "Speed"): two
 *                    runs on one thread each beat one run on two threads by far on 2 cores
 */
public record EncoderSettings(
        @DefaultValue("e5-small-v2-q") @NotBlank String model,
        Path modelDir,
        @Min(16) @Max(8192) Integer maxTokens,
        Pooling pooling,
        String queryPrefix,
        String passagePrefix,
        @DefaultValue("1") @Min(1) @Max(512) int batchSize,
        @DefaultValue("1") @Min(0) @Max(256) int threads,
        @DefaultValue("0") @Min(0) @Max(256) int workers) {

    /** How the token vectors of a text are pooled into one. */
    public enum Pooling { MEAN, CLS }

    /** The bundled model's own settings (or a folder's defaults), overridden by those set here. */
    record Resolved(Pooling pooling, int maxTokens, String queryPrefix, String passagePrefix) {
    }

    Resolved resolve(ModelSource source) {
        return new Resolved(pooling != null ? pooling : source.pooling(),
                maxTokens != null ? maxTokens : source.window(),
                queryPrefix != null ? queryPrefix : source.queryPrefix(),
                passagePrefix != null ? passagePrefix : source.passagePrefix());
    }

    int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    int effectiveWorkers() {
        return workers > 0 ? workers : Math.max(1, Runtime.getRuntime().availableProcessors() / effectiveThreads());
    }
}
