package dev.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermCarryingCondenserTests {

    private final TermCarryingCondenser condenser = new TermCarryingCondenser();

    private String after(String previous, String followUp) {
        return condenser.condense(new Conversation(List.of(new Turn(previous, "An answer [1]."))), followUp);
    }

    @Test
    void aPronounTakesThePreviousSubjectsPlace() {
        assertThat(after("Which NFL team represented the AFC at Super Bowl 50?", "Where did it take place?"))
                .isEqualTo("Where did Super Bowl 50 take place?");
        assertThat(after("Who founded the Bank of America?", "What is its headquarters?"))
                .isEqualTo("What is Bank of America's headquarters?");
    }

    @Test
    void whatAboutAnotherYearAsksThePreviousQuestionAboutThatYear() {
        assertThat(after("What was the revenue of Acme Corp in 2021?", "And what about 2022?"))
                .isEqualTo("What was the revenue of Acme Corp in 2022?");
        assertThat(after("What was the revenue of Acme Corp in 2021?", "what about Globex?"))
                .isEqualTo("What was the revenue of Globex in 2021?");
    }

    @Test
    void aLeftOutSubjectIsCarried() {
        assertThat(after("Which NFL team represented the AFC at Super Bowl 50?", "What was the final score?"))
                .isEqualTo("What was the final score? (Super Bowl 50)");
        assertThat(after("how much does the team plan cost", "is there a discount?"))
                .isEqualTo("is there a discount? (team plan cost)");
    }

    @Test
    void aQuestionThatNamesItsOwnSubjectIsKept() {
        assertThat(after("Who won Super Bowl 50?", "When was the Eiffel Tower built?"))
                .isEqualTo("When was the Eiffel Tower built?");
        assertThat(condenser.condense(Conversation.NONE, "  Where is it?  ")).isEqualTo("Where is it?");
    }

    @Test
    void aChainOfFollowUpsKeepsItsSubject() {
        Conversation conversation = new Conversation(List.of(new Turn("Who founded the Bank of America?", ""),
                new Turn("When did it open?", "")));
        assertThat(condenser.condense(conversation, "Where is it based?")).isEqualTo("Where is Bank of America based?");
    }
}
