package dev.groundwork.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxEncoderTests {

    private static OnnxEncoder encoder;

    @BeforeAll
    static void loadBundledModel() {
        encoder = new OnnxEncoder(settings("all-minilm-l6-v2-q", null), EncoderTestSupport.helpers());
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    static EncoderSettings settings(String model, Path dir) {
        return settings(model, dir, 1);
    }

    static EncoderSettings settings(String model, Path dir, int batchSize) {
        return new EncoderSettings(model, dir, 256, EncoderSettings.Pooling.MEAN, "", "", batchSize, 1, 0);
    }

    @Test
    void makesUnitVectorsOfTheModelsDimension() {
        float[] vector = encoder.embedQuery("How do I back up the index?");

        assertThat(encoder.dimension()).isEqualTo(384);
        assertThat(vector).hasSize(384);
        assertThat(Encoder.similarity(vector, vector)).isCloseTo(1f, within(1e-4f));
    }

    @Test
    void relatedTextsAreCloserThanUnrelatedOnes() {
        List<float[]> vectors = encoder.embedAll(List.of(
                "The cat sat on the warm windowsill.",
                "A kitten was resting on the sunny window ledge.",
                "Quarterly revenue rose by twelve percent."));

        assertThat(Encoder.similarity(vectors.get(0), vectors.get(1)))
                .isGreaterThan(Encoder.similarity(vectors.get(0), vectors.get(2)) + 0.2f);
    }

    @Test
    void paddedBatchesOfTheFloatModelGiveTheSameVectorsAsOneByOne() {
        List<String> texts = List.of("short", "a somewhat longer sentence about embeddings and batching",
                "medium length text here");
        try (OnnxEncoder batching = new OnnxEncoder(settings("all-minilm-l6-v2", null, 8), EncoderTestSupport.helpers())) {
            List<float[]> batched = batching.embedAll(texts);

            for (int i = 0; i < texts.size(); i++) {
                float[] alone = batching.embedAll(List.of(texts.get(i))).get(0);
                assertThat(Encoder.similarity(batched.get(i), alone)).isGreaterThan(0.9999f);
            }
        }
    }

    @Test
    void resultsComeBackInTheOrderGiven() {
        List<String> texts = List.of("a long sentence about the weather in the mountains today", "tea", "coffee beans");

        List<float[]> together = encoder.embedAll(texts);

        for (int i = 0; i < texts.size(); i++) {
            assertThat(together.get(i)).containsExactly(encoder.embedAll(List.of(texts.get(i))).get(0));
        }
    }

    @Test
    void textLongerThanTheWindowIsTruncatedNotRefused() {
        String longText = "word ".repeat(2000);

        assertThat(encoder.embedAll(List.of(longText)).get(0)).hasSize(384);
        assertThat(encoder.tokenCounter().count(longText)).isEqualTo(2000);
    }

    @Test
    void refusesBlankTextIncludingNoBreakSpaces() {
        assertThatThrownBy(() -> encoder.embedAll(List.of("fine", "\u00a0 \u2003\n")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixEndFindsTheCharacterWhereTheTokensRunOut() {
        TokenCounter tokens = encoder.tokenCounter();
        String text = "alpha beta gamma delta epsilon";

        int end = tokens.prefixEnd(text, 3);

        assertThat(text.substring(0, end)).isEqualTo("alpha beta gamma");
        assertThat(tokens.prefixEnd(text, 100)).isEqualTo(text.length());
    }

    @Test
    void prefixEndCountsCharactersOutsideTheBasicPlaneAsTheJavaStringDoes() {
        TokenCounter tokens = encoder.tokenCounter();
        // Each emoji is two chars of a Java string but one code point for the tokenizer.
        String text = "\uD83D\uDE42\uD83D\uDE42 alpha beta gamma";

        assertThat(text.substring(0, tokens.prefixEnd(text, 2))).isEqualTo("\uD83D\uDE42\uD83D\uDE42 alpha");
    }

    @Test
    void anIncompleteModelFolderStopsStartWithTheMissingFileNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tokenizer.json"), "{}");

        assertThatThrownBy(() -> new OnnxEncoder(settings("all-minilm-l6-v2-q", dir), EncoderTestSupport.helpers()))
                .isInstanceOf(EncoderUnavailableException.class)
                .hasMessageContaining("model.onnx")
                .hasMessageContaining(dir.toString());
    }

    @Test
    void anUnknownBundledModelNamesTheChoices() {
        assertThatThrownBy(() -> new OnnxEncoder(settings("no-such-model", null), EncoderTestSupport.helpers()))
                .isInstanceOf(EncoderUnavailableException.class)
                .hasMessageContaining("all-minilm-l6-v2-q");
    }
}
