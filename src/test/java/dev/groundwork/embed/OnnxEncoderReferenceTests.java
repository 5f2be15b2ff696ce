package dev.groundwork.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Groundwork drives ONNX Runtime itself (its own threads, runs and pooling) for speed; its vectors must stay those of
 * the reference, LangChain4j's own in-process all-MiniLM-L6-v2 quantized model, built from the same model file.
 * LangChain4j's tokenizer cuts every text at 128 tokens and Groundwork's at its window (256), so the test set keeps
 * under 128 tokens, where both read the whole text.
 */
class OnnxEncoderReferenceTests {

    private static final List<String> TEXTS = List.of(
            "How do I back up the index?",
            "tea",
            "The invoice is due thirty days after delivery.",
            "Quarterly revenue rose by twelve percent, driven by subscriptions in the northern region.",
            "Der Vertrag endet am 31. Dezember, sofern er nicht vorher gekündigt wird.",
            "Le chat dort sur le rebord de la fenêtre pendant que la pluie tombe.",
            "Section 4.2 — Termination. Either party may end this agreement with ninety (90) days' written notice.",
            "def embed(texts): return [model(t) for t in texts]  # one at a time",
            "Error 503: the parser could not start; try again later or check the worker heap setting.",
            "Mitochondria convert nutrients into adenosine triphosphate, the cell's main energy currency.",
            "   leading and trailing spaces, tabs\tand a line\nbreak   ",
            "ÉÀÜ ñ ç ß — accents, dashes … and “quotes” survive normalisation?",
            "Numbers: 3.14159, 2,718, 1e-9, 0x1F, 42%, $19.99, 7/8.",
            "Tokyo, Paris, Nairobi, Lima and Reykjavik are capitals on five continents.",
            "A short list:\n- apples\n- pears\n- plums\nand nothing else on it.",
            "The quick brown fox jumps over the lazy dog while the cat watches from the warm windowsill, "
                    + "and somewhere in the distance a train whistles twice before the station falls silent again.",
            "Kubernetes schedules pods onto nodes; a deployment keeps the desired number of replicas running.",
            "Photosynthesis happens in chloroplasts, where light energy splits water and releases oxygen.",
            "Please send the signed copy to the legal department by Friday noon at the latest.",
            "What did the committee decide about the budget for the new library wing in 2024?",
            "The patient reported mild headaches, no fever, and normal blood pressure at the follow-up visit.",
            "Ownership of all intellectual property created under this contract passes to the client on payment.",
            "Für die Installation werden Java 17 und mindestens zwei Gigabyte Arbeitsspeicher benötigt.",
            "日本語のテキストも埋め込みできますか？",
            "In 1969 the first humans landed on the Moon; the mission returned safely eight days after launch.",
            "Refunds are issued to the original payment method within five to ten business days.",
            "If the disk is full, searches continue and writes resume once space has been freed.",
            "The museum opens at nine, closes at five, and is free on the first Sunday of every month.",
            "word ".repeat(100).strip(),
            "Groundwork answers questions from your own documents and cites the page each answer came from.");

    private static OnnxEncoder encoder;
    private static AllMiniLmL6V2QuantizedEmbeddingModel reference;

    @BeforeAll
    static void load() {
        // The defaults: one intra-op thread per run, as many runs at once as there are cores.
        encoder = new OnnxEncoder(new EncoderSettings("all-minilm-l6-v2-q", null, 256, EncoderSettings.Pooling.MEAN,
                "", "", 1, 1, 0), EncoderTestSupport.helpers());
        reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void theTestTextsFitTheReferencesWindow() {
        for (String text : TEXTS) {
            // 2 special tokens; LangChain4j's tokenizer would cut at 128
            assertThat(encoder.tokenCounter().count(text) + 2).as(text).isLessThan(128);
        }
    }

    @Test
    void passagesEmbeddedTogetherMatchTheReferenceModel() {
        List<float[]> vectors = encoder.embedAll(TEXTS);

        List<float[]> expected = referenceVectors();
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(Encoder.similarity(vectors.get(i), expected.get(i))).as(TEXTS.get(i)).isGreaterThanOrEqualTo(0.999f);
        }
    }

    @Test
    void queriesMatchTheReferenceModel() {
        List<float[]> expected = referenceVectors();
        for (int i = 0; i < TEXTS.size(); i++) {
            assertThat(Encoder.similarity(encoder.embedQuery(TEXTS.get(i)), expected.get(i))).as(TEXTS.get(i))
                    .isGreaterThanOrEqualTo(0.999f);
        }
    }

    private static List<float[]> referenceVectors() {
        List<float[]> vectors = new ArrayList<>();
        reference.embedAll(TEXTS.stream().map(TextSegment::from).toList()).content()
                .forEach(embedding -> vectors.add(embedding.vector()));
        return vectors;
    }
}
