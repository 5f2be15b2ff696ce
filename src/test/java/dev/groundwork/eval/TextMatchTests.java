package dev.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextMatchTests {

    @Test
    void ignoresCasePunctuationArticlesAndSpacing() {
        assertThat(TextMatch.contains("The Denver  Broncos won, 24–10.", "denver broncos")).isTrue();
        assertThat(TextMatch.contains("It was played at Levi's Stadium.", "Levi’s stadium")).isTrue();
        assertThat(TextMatch.contains("It was played at Levi's Stadium.", "Levis Stadium")).isFalse();
        assertThat(TextMatch.contains("It was played at Levi's Stadium.", "Levi's  Stadium")).isTrue();
        assertThat(TextMatch.contains("He went to the bank.", "a bank")).isTrue();
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(TextMatch.contains("In 19601 nothing happened.", "1960")).isFalse();
        assertThat(TextMatch.contains("In 1960 something happened.", "1960")).isTrue();
    }

    @Test
    void blankNeedleIsNeverFound() {
        assertThat(TextMatch.contains("anything", " the ")).isFalse();
        assertThat(TextMatch.containsAny("anything", List.of())).isFalse();
    }
}
