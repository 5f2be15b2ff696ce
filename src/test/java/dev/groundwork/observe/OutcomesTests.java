package dev.groundwork.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.support.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutcomesTests {

    private final TestClock clock = new TestClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Outcomes outcomes = new Outcomes(registry, clock);

    @Test
    void theLastHourKeepsTheAnswersOfTheLastHourAndTheirMedian() {
        outcomes.question(Outcomes.Question.ANSWERED, null, 900);
        clock.advance(Duration.ofMinutes(30));
        outcomes.question(Outcomes.Question.ANSWERED, null, 100);
        outcomes.question(Outcomes.Question.ABSTAINED, null, 300);
        outcomes.question(Outcomes.Question.FALLBACK, "LLM_SERVER_ERROR", 200);
        outcomes.questionFailed("TOO_BUSY");

        assertThat(outcomes.lastHour()).isEqualTo(new RecentAnswers.Summary(4, false, 250L));

        clock.advance(Duration.ofMinutes(31));

        assertThat(outcomes.lastHour()).isEqualTo(new RecentAnswers.Summary(3, false, 200L));

        clock.advance(Duration.ofHours(1));

        assertThat(outcomes.lastHour()).isEqualTo(new RecentAnswers.Summary(0, false, null));
    }

    @Test
    void countsQuestionsByOutcomeAndReasonAndDocumentsByChangeAndCode() {
        outcomes.question(Outcomes.Question.FALLBACK, "LLM_SERVER_ERROR", 200);
        outcomes.question(Outcomes.Question.ANSWERED, null, 100);
        outcomes.questionFailed("BLANK_QUERY");
        outcomes.document(Outcomes.Change.REFUSED, "NO_TEXT", "upload");
        outcomes.document(Outcomes.Change.REFUSED, "UNSUPPORTED_TYPE", "upload");
        outcomes.document(Outcomes.Change.REFUSED, "NO_TEXT", "sync");
        outcomes.document(Outcomes.Change.ADDED, null, "upload");

        assertThat(registry.get(Outcomes.QUESTIONS).tags("outcome", "fallback", "reason", "LLM_SERVER_ERROR").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get(Outcomes.QUESTIONS).tags("outcome", "answered", "reason", "none").counter().count())
                .isEqualTo(1);
        assertThat(registry.get(Outcomes.QUESTIONS).tags("outcome", "error", "reason", "BLANK_QUERY").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get(Outcomes.DOCUMENTS).tags("change", "added", "code", "none").counter().count())
                .isEqualTo(1);
        assertThat(outcomes.refused("upload")).isEqualTo(2);
        assertThat(outcomes.refused("sync")).isEqualTo(1);
    }

    @Test
    void aProxysRequestIdIsTakenOnlyWhenItIsAPlainToken() {
        assertThat(RequestIds.acceptable("3f2a-91.b_c:7")).isTrue();
        assertThat(RequestIds.acceptable("a".repeat(64))).isTrue();
        assertThat(RequestIds.acceptable("a".repeat(65))).isFalse();
        assertThat(RequestIds.acceptable("")).isFalse();
        assertThat(RequestIds.acceptable(null)).isFalse();
        assertThat(RequestIds.acceptable("x outcome=created")).isFalse();
        assertThat(RequestIds.acceptable("x\nforged")).isFalse();
        assertThat(RequestIds.acceptable("é")).isFalse();
    }
}
