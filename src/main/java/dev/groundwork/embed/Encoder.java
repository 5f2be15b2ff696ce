package dev.groundwork.embed;

import java.util.List;

/**
 * Turns text into unit-length vectors with a local model. Cosine similarity of two vectors is their dot
 * product.
 */
public interface Encoder {

    /** A short human name of the model, e.g. {@code all-minilm-l6-v2-q}. */
    String modelId();

    /**
     * Everything that changes the vectors this encoder makes (model bytes, window, pooling, prefixes);
     * an index built under another signature must be rebuilt.
     */
    String signature();

    int dimension();

    /** The number of tokens the model reads, special tokens included. */
    int maxTokens();

    /** Counts tokens with the model's own tokenizer. */
    TokenCounter tokenCounter();

    /** Embeds passages, in the order given. Blank texts are refused with an {@link IllegalArgumentException}. */
    List<float[]> embedAll(List<String> texts);

    /** The answer thresholds measured for this model. */
    Calibration calibration();

    /** Embeds a question, with the query prefix the model expects. */
    float[] embedQuery(String question);

    /** Cosine similarity of two vectors made by this encoder. */
    static float similarity(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
