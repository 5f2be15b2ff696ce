package dev.groundwork.answer;

import static dev.groundwork.answer.Chunks.chunk;
import static dev.groundwork.answer.Chunks.document;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.answer.Evidence.SourceSentence;
import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.EncoderTestSupport;
import dev.groundwork.index.DocumentRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveAnswererTests {

    private static final Encoder ENCODER = EncoderTestSupport.sharedEncoder();

    private final DocumentRecord manual = document("manual", "Heating Manual", 9);
    private final DocumentRecord other = document("other", "Canteen Rules", 2);
    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer(Chunks.settings());

    @Test
    void quotesTheSentenceThatAnswersWithItsSource() {
        List<Source> sources = Chunks.sources(
                chunk(other, 0, 1, 0, "The canteen opens at half past eleven. Trays go back to the rack."),
                chunk(manual, 3, 6, 0, "The boiler is serviced once a year by a certified engineer. "
                        + "The pressure gauge should read between one and two bar. Radiators are bled in autumn."));
        Evidence evidence = Evidence.of("What pressure should the boiler gauge show?", sources, ENCODER);

        List<SourceSentence> quoted = answerer.quotes(evidence);

        assertThat(quoted).extracting(SourceSentence::text)
                .contains("The pressure gauge should read between one and two bar.");
        SourceSentence answer = quoted.stream().filter(s -> s.text().contains("pressure gauge")).findFirst().orElseThrow();
        assertThat(answer.source().n()).isEqualTo(2);
        assertThat(answer.source().page()).isEqualTo(6);
    }

    @Test
    void neverWritesAWordThatIsNotInASource() {
        List<Source> sources = Chunks.sources(
                chunk(manual, 0, 1, 0, "Radiators are bled in autumn. A bleed key hangs in the boiler room."),
                chunk(manual, 1, 2, 0, "Bleeding a radiator lets trapped air out. Hold a cloth under the valve."));
        Evidence evidence = Evidence.of("How do I bleed a radiator?", sources, ENCODER);

        List<SourceSentence> quoted = answerer.quotes(evidence);

        assertThat(quoted).isNotEmpty().hasSizeLessThanOrEqualTo(2);
        for (SourceSentence sentence : quoted) {
            assertThat(sentence.source().text()).contains(sentence.text());
            assertThat(sentence.source().text().substring(sentence.start(), sentence.end())).isEqualTo(sentence.text());
        }
    }

    @Test
    void quotesComeInReadingOrderNotInScoreOrder() {
        String text = "Step one: close the valve of the radiator. Step two: open the bleed screw of the radiator "
                + "until water comes. The kitchen has a separate tap.";
        List<Source> sources = Chunks.sources(chunk(manual, 0, 4, 0, text));
        Evidence evidence = Evidence.of("open the bleed screw of the radiator until water comes, after closing the valve",
                sources, ENCODER);

        List<SourceSentence> quoted = new ExtractiveAnswerer(new AnswerSettings(1500, 0.45, 0.6, 0.5, 2, 0.0, 8))
                .quotes(evidence);

        assertThat(quoted).extracting(SourceSentence::start).isSorted();
        assertThat(quoted).hasSize(2);
    }

    @Test
    void aSentenceRepeatedByOverlappingChunksIsQuotedOnce() {
        String shared = "The pressure gauge should read between one and two bar.";
        List<Source> sources = Chunks.sources(
                chunk(manual, 0, 6, 0, "The boiler is serviced yearly. " + shared),
                chunk(manual, 1, 6, 31, shared + " Radiators are bled in autumn."));
        Evidence evidence = Evidence.of("What should the pressure gauge read?", sources, ENCODER);

        List<SourceSentence> quoted = new ExtractiveAnswerer(new AnswerSettings(1500, 0.45, 0.6, 0.5, 3, 0.0, 8))
                .quotes(evidence);

        assertThat(quoted).extracting(SourceSentence::text).containsOnlyOnce(shared);
    }

    @Test
    void aQuotedTableRowComesWithItsHeaderRow() {
        String table = "Plans and response times\n\nPlan | Price per month | First response\n"
                + "Community | 0 EUR | Best effort\nTeam | 290 EUR | 1 business day\nEnterprise | 1,900 EUR | 4 hours";
        List<Source> sources = Chunks.sources(chunk(other, 0, 1, 0, "Lunch is served at noon in the canteen."),
                chunk(manual, 1, null, 0, table));
        Evidence evidence = Evidence.of("How much does the team plan cost?", sources, ENCODER);

        List<SourceSentence> quoted = answerer.quotes(evidence);

        assertThat(quoted).extracting(SourceSentence::text)
                .containsSubsequence("Plan | Price per month | First response", "Team | 290 EUR | 1 business day");
        assertThat(new AnswerChecker(ENCODER, Chunks.settings()).check(quoted, evidence).text())
                .contains("Plan | Price per month | First response [2]\nTeam | 290 EUR | 1 business day [2]");
    }
}
