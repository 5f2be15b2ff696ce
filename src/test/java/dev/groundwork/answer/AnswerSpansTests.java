package dev.groundwork.answer;

import static dev.groundwork.answer.Chunks.chunk;
import static dev.groundwork.answer.Chunks.document;
import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.answer.AnswerChecker.Checked;
import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.EncoderTestSupport;
import dev.groundwork.index.DocumentRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where each checked sentence stands: its span in the answer, its markers, and the sentence of each cited source that
 * supports it. The page marks sentences and passages with these alone.
 */
class AnswerSpansTests {

    private static final Encoder ENCODER = EncoderTestSupport.sharedEncoder();
    private static final String HEADCOUNT = "Headcount rose to 310 people.";

    private final DocumentRecord report = document("report", "Annual Report", 12);
    private final List<Source> sources = Chunks.sources(
            chunk(report, 0, 3, 120, "Revenue grew by 12 percent in 2025, to 48 million euros. "
                    + "Most of the growth came from the Nordic countries."),
            chunk(report, 1, 7, 0, "The company opened two new offices, in Oslo and in Tallinn. " + HEADCOUNT));
    private final Evidence evidence = Evidence.of("How did the company grow?", sources, ENCODER);
    private final AnswerChecker checker = new AnswerChecker(ENCODER, Chunks.settings());

    private static String at(String text, int start, int end) {
        return text.substring(start, end);
    }

    @Test
    void eachSentenceKnowsWhereItAndItsMarkersStandInTheAnswer() {
        Checked checked = checker.check("Revenue grew by 12 percent [1]. Two offices opened [2][1].", evidence);

        AnswerSentence first = checked.sentences().get(0);
        AnswerSentence second = checked.sentences().get(1);
        assertThat(at(checked.text(), first.start(), first.end())).isEqualTo("Revenue grew by 12 percent [1].");
        assertThat(at(checked.text(), second.start(), second.end())).isEqualTo("Two offices opened [2][1].");
        assertThat(first.markers()).singleElement().satisfies(marker -> {
            assertThat(at(checked.text(), marker.start(), marker.end())).isEqualTo("[1]");
            assertThat(marker.citations()).containsExactly(1);
        });
        assertThat(second.markers()).extracting(CitationMarker::citations).containsExactly(List.of(2), List.of(1));
    }

    @Test
    void aMarkerThatStartsTheNextLineBelongsToTheSentenceBeforeAndItsSpan() {
        Checked checked = checker.check("Revenue grew by 12 percent.\n[1] Headcount rose to 310 [2].", evidence);

        AnswerSentence first = checked.sentences().get(0);
        AnswerSentence second = checked.sentences().get(1);
        assertThat(first.citations()).containsExactly(1);
        assertThat(at(checked.text(), first.start(), first.end())).isEqualTo("Revenue grew by 12 percent.\n[1]");
        assertThat(first.markers()).extracting(CitationMarker::citations).containsExactly(List.of(1));
        assertThat(at(checked.text(), second.start(), second.end())).isEqualTo("Headcount rose to 310 [2].");
        assertThat(second.markers()).extracting(CitationMarker::citations).containsExactly(List.of(2));
    }

    @Test
    void eachCitedSourceGivesItsSentenceThatSupportsTheClaimBestAndSaysWhetherItIsQuoted() {
        AnswerSentence quoted = checker.check("Headcount rose to 310 people [2].", evidence).sentences().get(0);
        AnswerSentence reworded = checker.check("The staff grew to 310 employees [2].", evidence).sentences().get(0);

        for (AnswerSentence sentence : List.of(quoted, reworded)) {
            assertThat(sentence.supportedBy()).singleElement().satisfies(supporting -> {
                assertThat(supporting.n()).isEqualTo(2);
                assertThat(at(sources.get(1).text(), supporting.start(), supporting.end())).isEqualTo(HEADCOUNT);
            });
        }
        assertThat(quoted.supportedBy().get(0).quoted()).isTrue();
        assertThat(reworded.supportedBy().get(0).quoted()).isFalse();
    }

    @Test
    void aSentenceCitingTwoSourcesGetsASupportingSentenceFromEach() {
        AnswerSentence sentence = checker.check("Revenue grew and headcount rose to 310 [1][2].", evidence)
                .sentences().get(0);

        assertThat(sentence.supportedBy()).extracting(SupportingSentence::n).containsExactly(1, 2);
        assertThat(at(sources.get(1).text(), sentence.supportedBy().get(1).start(), sentence.supportedBy().get(1).end()))
                .isEqualTo(HEADCOUNT);
    }

    @Test
    void aQuoteIsSupportedByItselfAndStandsWithItsMarkerInTheAnswer() {
        Evidence.SourceSentence quote = evidence.sentences().stream()
                .filter(sentence -> sentence.text().equals(HEADCOUNT)).findFirst().orElseThrow();

        Checked checked = checker.check(new Draft.Quoted(List.of(quote), null), evidence);

        AnswerSentence sentence = checked.sentences().get(0);
        assertThat(at(checked.text(), sentence.start(), sentence.end())).isEqualTo(HEADCOUNT + " [2]");
        assertThat(sentence.markers()).extracting(CitationMarker::citations).containsExactly(List.of(2));
        assertThat(sentence.supportedBy()).containsExactly(new SupportingSentence(2, quote.start(), quote.end(), true));
    }
}
