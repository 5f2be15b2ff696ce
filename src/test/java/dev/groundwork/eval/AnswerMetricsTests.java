package dev.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.eval.AnswerOutcome.SentenceSupport;
import dev.groundwork.eval.Gold.Kind;
import dev.groundwork.retrieve.RetrievedChunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerMetricsTests {

    private final List<RetrievedChunk> sources = List.of(
            RetrievedChunks.of("a", 0, "The Denver Broncos won Super Bowl 50."),
            RetrievedChunks.of("b", 0, "The game was played in Santa Clara."));

    private static Question answerable(String... answers) {
        return new Question("q", "Who won?", List.of(answers), new Gold(Kind.PASSAGE, List.of("a")), true);
    }

    private static final Question UNANSWERABLE = new Question("u", "Who won in 2090?", List.of(), Gold.NONE, false);

    private static AnswerOutcome answer(String text, List<Integer> citations, boolean... supported) {
        List<SentenceSupport> sentences = new java.util.ArrayList<>();
        for (int i = 0; i < supported.length; i++) {
            sentences.add(new SentenceSupport("sentence " + i, supported[i]));
        }
        return new AnswerOutcome(text, false, citations, sentences);
    }

    @Test
    void judgesContainmentCitationsAndSupportOfEachAnswer() {
        AnswerMetrics metrics = new AnswerMetrics();

        AnswerMetrics.Judgement right = metrics.add(answerable("Denver Broncos"), sources,
                answer("The Denver Broncos won [1][2].", List.of(1, 2), true));
        AnswerMetrics.Judgement wrong = metrics.add(answerable("Denver Broncos"), sources,
                answer("Carolina won [2]. It rained.", List.of(2), true, false));

        assertThat(right.containsAnswer()).isTrue();
        assertThat(right.citationsWithAnswer()).isEqualTo(1);
        assertThat(wrong.containsAnswer()).isFalse();
        assertThat(wrong.unsupported()).isEqualTo(1);
        AnswerMetrics.Scores scores = metrics.scores();
        assertThat(scores.containment()).isEqualTo(0.5);
        assertThat(scores.citationPrecision()).isEqualTo(1.0 / 3);
        assertThat(scores.unsupportedRate()).isEqualTo(1.0 / 3);
        assertThat(scores.abstentionAnswerable()).isZero();
        assertThat(scores.abstentionUnanswerable()).isNull();
    }

    @Test
    void countsAbstentionsApartForUnanswerableAndAnswerableQuestions() {
        AnswerMetrics metrics = new AnswerMetrics();

        metrics.add(UNANSWERABLE, sources, AnswerOutcome.abstention());
        metrics.add(UNANSWERABLE, sources, answer("Someone won [1].", List.of(1), false));
        metrics.add(answerable("Denver Broncos"), sources, AnswerOutcome.abstention());

        AnswerMetrics.Scores scores = metrics.scores();
        assertThat(scores.abstentionUnanswerable()).isEqualTo(0.5);
        assertThat(scores.abstentionAnswerable()).isEqualTo(1.0);
        assertThat(scores.containment()).as("an abstention does not contain the answer").isZero();
        assertThat(scores.unsupportedRate()).isEqualTo(1.0);
    }

    @Test
    void aCitationOutsideTheSourcesCountsAgainstPrecision() {
        AnswerMetrics metrics = new AnswerMetrics();

        metrics.add(answerable("Denver Broncos"), sources, answer("Denver Broncos [1][7].", List.of(1, 7), true));

        assertThat(metrics.scores().citationPrecision()).isEqualTo(0.5);
    }
}
