package dev.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RetrievalMetricsTests {

    @Test
    void recallCountsQuestionsWhoseGoldIsWithinEachCutoff() {
        RetrievalMetrics metrics = new RetrievalMetrics();
        metrics.add(1, 1);
        metrics.add(2, 2);
        metrics.add(4, 4);
        metrics.add(null, null);

        RetrievalMetrics.Scores scores = metrics.scores();

        assertThat(scores.questions()).isEqualTo(4);
        assertThat(scores.recallAny(1)).isEqualTo(0.25);
        assertThat(scores.recallAny(3)).isEqualTo(0.5);
        assertThat(scores.recallAny(5)).isEqualTo(0.75);
        assertThat(scores.recallAny(10)).isEqualTo(0.75);
    }

    @Test
    void mrrTakesTheFirstGoldRankAndIgnoresRanksBelowTen() {
        RetrievalMetrics metrics = new RetrievalMetrics();
        metrics.add(1, null);
        metrics.add(4, null);
        metrics.add(11, null);
        metrics.add(null, null);

        assertThat(metrics.scores().mrr10()).isCloseTo((1 + 0.25) / 4, within(1e-12));
    }

    @Test
    void allGoldRecallNeedsEveryGoldUnitWithinTheCutoff() {
        RetrievalMetrics metrics = new RetrievalMetrics();
        metrics.add(1, 3);
        metrics.add(2, null);

        RetrievalMetrics.Scores scores = metrics.scores();

        assertThat(scores.recallAny(1)).isEqualTo(0.5);
        assertThat(scores.recallAll(1)).isZero();
        assertThat(scores.recallAll(3)).isEqualTo(0.5);
        assertThat(scores.recallAny(3)).isEqualTo(1.0);
    }

    @Test
    void refusesAllGoldFoundBeforeAny() {
        assertThatThrownBy(() -> new RetrievalMetrics().add(5, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noQuestionsGiveZeroesNotNaN() {
        RetrievalMetrics.Scores scores = new RetrievalMetrics().scores();

        assertThat(scores.recallAny(5)).isZero();
        assertThat(scores.mrr10()).isZero();
    }
}
