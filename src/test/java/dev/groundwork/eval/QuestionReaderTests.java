package dev.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groundwork.eval.Gold.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionReaderTests {

    @TempDir
    Path dir;

    private Path file(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }

    @Test
    void readsEachGoldFieldAndTheAnswerableFlag() throws IOException {
        Path questions = file("questions.jsonl",
                "{\"id\": \"1\", \"question\": \"Who?\", \"answers\": [\"Ann\"], \"gold_passage_id\": \"p1\"}",
                "",
                "{\"question\": \"Which file?\", \"answers\": [], \"gold_file\": \"notes/a.txt\"}",
                "{\"id\": \"3\", \"question\": \"Which text?\", \"answers\": \"x\", \"gold_text\": \"the x\"}",
                "{\"id\": \"4\", \"question\": \"Unknowable?\", \"answers\": [], \"answerable\": false}");

        QuestionSet set = QuestionReader.read(questions);

        assertThat(set.format()).isEqualTo("groundwork");
        assertThat(set.passages()).isEmpty();
        assertThat(set.questions()).extracting(Question::id).containsExactly("1", "line-3", "3", "4");
        assertThat(set.questions()).extracting(q -> q.gold().kind())
                .containsExactly(Kind.PASSAGE, Kind.FILE, Kind.TEXT, Kind.NONE);
        assertThat(set.questions().get(2).answers()).containsExactly("x");
        assertThat(set.questions().get(3).answerable()).isFalse();
    }

    @Test
    void readsTheGoldPagesOfAGoldFile() throws IOException {
        Path questions = file("pages.jsonl", "{\"question\": \"Capex?\", \"answers\": [\"$1577\"], "
                + "\"gold_file\": \"3M_2018_10K.pdf\", \"gold_pages\": [60, 62]}");

        Gold gold = QuestionReader.read(questions).questions().get(0).gold();

        assertThat(gold).isEqualTo(new Gold(Kind.FILE, List.of("3M_2018_10K.pdf"), List.of(60, 62)));
    }

    @Test
    void goldPagesNeedAGoldFileAndCountFromOne() throws IOException {
        Path withPassage = file("a.jsonl", "{\"question\": \"q\", \"gold_passage_id\": \"p\", \"gold_pages\": [1]}");
        Path pageZero = file("b.jsonl", "{\"question\": \"q\", \"gold_file\": \"a.pdf\", \"gold_pages\": [0]}");
        Path notANumber = file("c.jsonl", "{\"question\": \"q\", \"gold_file\": \"a.pdf\", \"gold_pages\": [\"x\"]}");

        // gold_pages beside a passage gold are not read: pages belong to files
        assertThat(QuestionReader.read(withPassage).questions().get(0).gold().pages()).isEmpty();
        assertThatThrownBy(() -> QuestionReader.read(pageZero)).hasMessageContaining("line 1: gold pages count from 1");
        assertThatThrownBy(() -> QuestionReader.read(notANumber)).hasMessageContaining("page numbers, not 'x'");
    }

    @Test
    void readsSquadGoldContextIdAsThePassageId() throws IOException {
        Path questions = file("squad.jsonl", "{\"id\": \"56be\", \"question\": \"Which team?\", "
                + "\"gold_context_id\": \"Super_Bowl_50#0\", \"answers\": [\"Denver Broncos\"], \"answer_starts\": [177]}");

        Question question = QuestionReader.read(questions).questions().get(0);

        assertThat(question.gold()).isEqualTo(new Gold(Kind.PASSAGE, List.of("Super_Bowl_50#0")));
        assertThat(question.answers()).containsExactly("Denver Broncos");
    }

    @Test
    void readsHotpotQaWithItsParagraphsAsTheCorpusOncePerTitle() throws IOException {
        Path questions = file("dev.jsonl",
                "{\"_id\": \"h1\", \"question\": \"Which writer?\", \"answer\": \"beer\", "
                        + "\"context\": [[\"A\", [\"A one.\", \" A two.\"]], [\"B\", [\"B one.\", \"B two.\"]]], "
                        + "\"supporting_facts\": [[\"A\", [0]], [\"B\", [1]], [\"A\", [1]]]}",
                "{\"_id\": \"h2\", \"question\": \"Which city?\", \"answer\": \"Oslo\", "
                        + "\"context\": [[\"B\", [\"B other.\"]], [\"C\", [\"C one.\"]]], "
                        + "\"supporting_facts\": [[\"C\", [0]]]}");

        QuestionSet set = QuestionReader.read(questions);

        assertThat(set.format()).isEqualTo("hotpotqa");
        assertThat(set.multiGold()).isTrue();
        assertThat(set.passages()).extracting(Passage::id).containsExactly("A", "B", "C");
        assertThat(set.passages()).extracting(Passage::text).containsExactly("A one. A two.", "B one. B two.", "C one.");
        assertThat(set.questions().get(0).gold()).isEqualTo(new Gold(Kind.PASSAGE, List.of("A", "B")));
        assertThat(set.questions().get(1).answers()).containsExactly("Oslo");
    }

    @Test
    void aLineOfBadJsonIsReportedWithItsFileAndLine() throws IOException {
        Path questions = file("broken.jsonl",
                "{\"question\": \"Fine?\", \"answers\": [], \"gold_text\": \"fine\"}",
                "{\"question\": \"Broken?\", \"answers\": [");

        assertThatThrownBy(() -> QuestionReader.read(questions))
                .isInstanceOf(EvalInputException.class)
                .hasMessageContaining("broken.jsonl, line 2: not valid JSON");
    }

    @Test
    void aQuestionWithoutGoldThatIsAnswerableIsRefusedWithItsLine() throws IOException {
        Path questions = file("nogold.jsonl", "{\"question\": \"Who?\", \"answers\": [\"Ann\"]}");

        assertThatThrownBy(() -> QuestionReader.read(questions))
                .isInstanceOf(EvalInputException.class)
                .hasMessageContaining("nogold.jsonl, line 1: an answerable question needs");
    }

    @Test
    void passagesNeedTextAndUniqueIds() throws IOException {
        Path twice = file("twice.jsonl", "{\"id\": \"p\", \"text\": \"one\"}", "{\"id\": \"p\", \"text\": \"two\"}");
        Path empty = file("empty.jsonl", "{\"id\": \"p\", \"title\": \"T\", \"text\": \" \"}");

        assertThatThrownBy(() -> Corpus.Passages.read(twice)).hasMessageContaining("twice.jsonl, line 2: passage id 'p' is used twice");
        assertThatThrownBy(() -> Corpus.Passages.read(empty)).hasMessageContaining("empty.jsonl, line 1: passage 'p' has no text");
    }
}
