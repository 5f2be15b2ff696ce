package dev.groundwork.answer;

import static dev.groundwork.answer.Chunks.chunk;
import static dev.groundwork.answer.Chunks.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.EncoderTestSupport;
import dev.groundwork.index.DocumentRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceTests {

    private static final Encoder ENCODER = EncoderTestSupport.sharedEncoder();

    private final DocumentRecord manual = document("manual", "Heating Manual", 9);
    private final List<Source> sources = Chunks.sources(
            chunk(manual, 0, 1, 0, "The boiler is serviced once a year. The pressure gauge should read between one and two bar."),
            chunk(manual, 1, 2, 0, "Radiators are bled in autumn with the key that hangs in the boiler room."));
    private final Evidence evidence = Evidence.of("What pressure should the boiler gauge show?", sources, ENCODER);

    @Test
    void weighsTheClosestPassageAgainstTheBestSentence() {
        double best = bestRelevance();

        assertThat(evidence.strength(Chunks.settings(), 0.9f))
                .isCloseTo(Evidence.PASSAGE_WEIGHT * 0.9 + (1 - Evidence.PASSAGE_WEIGHT) * best, within(1e-6));
        assertThat(evidence.strength(Chunks.settings(), 0.9f)).isGreaterThan(evidence.strength(Chunks.settings(), 0.2f));
    }

    @Test
    void withoutAVectorSearchTheClosestSentenceStandsInForTheClosestPassage() {
        double closestSentence = evidence.sentences().stream().mapToDouble(evidence::cosine).max().orElseThrow();

        double strength = evidence.strength(Chunks.settings(), null);

        assertThat(strength).as("same scale as with a vector search, not the sentence score alone")
                .isCloseTo(Evidence.PASSAGE_WEIGHT * closestSentence + (1 - Evidence.PASSAGE_WEIGHT) * bestRelevance(),
                        within(1e-6))
                .isEqualTo(evidence.strength(Chunks.settings(), (float) closestSentence), within(1e-6));
    }

    private double bestRelevance() {
        return evidence.sentences().stream().mapToDouble(s -> evidence.relevance(s, Chunks.settings())).max().orElseThrow();
    }
}
