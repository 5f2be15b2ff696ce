package dev.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpsTests {

    @Test
    void theSharedNameBecomesAPronoun() {
        assertThat(FollowUps.followUp("Which NFL team represented the AFC at Super Bowl 50?",
                "Where did Super Bowl 50 take place?", false)).isEqualTo("Where did it take place?");
        assertThat(FollowUps.followUp("Who founded the Bank of America?", "When did the Bank of America open?", false))
                .isEqualTo("When did it open?");
        assertThat(FollowUps.followUp("What album did Beyoncé release in 2003?", "Who was Beyoncé's manager?", false))
                .isEqualTo("Who was its manager?");
    }

    @Test
    void orIsLeftOutWithItsPreposition() {
        assertThat(FollowUps.followUp("Where did Super Bowl 50 take place?",
                "Which NFL team represented the NFC at Super Bowl 50?", true))
                .isEqualTo("Which NFL team represented the NFC?");
    }

    @Test
    void questionsThatShareNoNameMakeNoFollowUp() {
        assertThat(FollowUps.followUp("What is the capital of France?", "How tall is the tower?", false)).isNull();
    }

    @Test
    void eachPairIsAskedFourWaysInGroupsOfTheirOwn() {
        Gold one = new Gold(Gold.Kind.PASSAGE, List.of("p1"));
        Gold two = new Gold(Gold.Kind.PASSAGE, List.of("p2"));
        List<Question> set = FollowUps.of(List.of(
                new Question("a", "Who won Super Bowl 50?", List.of(), one, true),
                new Question("b", "Where was Super Bowl 50 held?", List.of(), one, true),
                new Question("c", "When was the Eiffel Tower built?", List.of(), two, true),
                new Question("d", "How tall is the Eiffel Tower?", List.of(), two, true)));

        assertThat(set).extracting(Question::id).containsExactly("b/as-written", "b/alone", "b/after-first",
                "b/new-topic", "d/as-written", "d/alone", "d/after-first", "d/new-topic");
        assertThat(set.get(1).text()).isEqualTo("Where was it held?");
        assertThat(set.get(2).history()).containsExactly("Who won Super Bowl 50?");
        assertThat(set.get(3).history()).containsExactly("When was the Eiffel Tower built?");
        assertThat(set.get(5).text()).isEqualTo("How tall is it?");
        assertThat(set).allSatisfy(question -> assertThat(question.gold()).isIn(one, two));
        assertThat(set.stream().map(Question::group).distinct()).containsExactly(FollowUps.AS_WRITTEN, FollowUps.ALONE,
                FollowUps.WITH_HISTORY, FollowUps.NEW_TOPIC);
    }
}
