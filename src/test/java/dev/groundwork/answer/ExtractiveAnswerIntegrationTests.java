package dev.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.prompt.Prompt;
import dev.groundwork.prompt.PromptCatalog;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.TestDirs;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Extractive answers over generated documents, through retrieval, the checks and the prompt files. */
@SpringBootTest(properties = "groundwork.llm.base-url=")
class ExtractiveAnswerIntegrationTests {

    @DynamicPropertySource
    static void dirs(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
    }

    @Autowired
    AnswerService answers;
    @Autowired
    IngestionService ingestion;
    @Autowired
    PromptCatalog catalog;

    private static DocumentRecord manual;
    private static DocumentRecord handbook;

    @BeforeEach
    void documents() {
        if (manual != null) {
            return;
        }
        manual = upload("heating-manual.pdf", Fixtures.pdf(
                "Heating manual. This manual explains the heating system of the Elm Street office.",
                "The boiler is serviced once a year by a certified engineer. The pressure gauge of the boiler "
                        + "should read between 1.2 and 1.8 bar when the system is cold. Radiators are bled every autumn.",
                "Thermostats are set to 20 degrees in offices and 16 degrees in storage rooms."));
        handbook = upload("handbook.docx", Fixtures.docx().title("Staff Handbook")
                .heading(1, "Leave")
                .paragraph("Every employee gets twenty-seven days of paid leave per calendar year.")
                .paragraph("Leave requests are approved by the team lead within five working days.")
                .heading(1, "Expenses")
                .paragraph("Travel expenses are reimbursed within thirty days of the claim.")
                .bytes());
    }

    private DocumentRecord upload(String name, byte[] bytes) {
        return ingestion.upload(name, new ByteArrayInputStream(bytes)).document();
    }

    @Test
    void quotesTheAnsweringSentenceWithItsCitationAndPage() {
        Answer answer = answers.answer(Question.of("What should the boiler pressure gauge read?"));

        assertThat(answer.mode()).isEqualTo(Mode.EXTRACTIVE);
        assertThat(answer.abstained()).isFalse();
        assertThat(answer.fallbackReason()).isNull();
        assertThat(answer.text()).contains("The pressure gauge of the boiler should read between 1.2 and 1.8 bar "
                + "when the system is cold.");
        AnswerSentence sentence = answer.sentences().stream().filter(s -> s.text().contains("pressure gauge"))
                .findFirst().orElseThrow();
        assertThat(sentence.supported()).isTrue();
        Source cited = answer.citations().stream().filter(c -> c.n() == sentence.citations().get(0)).findFirst().orElseThrow();
        assertThat(cited.document().id()).isEqualTo(manual.id());
        assertThat(cited.page()).isEqualTo(2);
        assertThat(cited.text()).contains(sentence.text());
        assertThat(answer.text()).contains(sentence.text() + " [" + cited.n() + "]");
    }

    @Test
    void everyWordOfAnExtractiveAnswerComesFromTheCitedSources() {
        Answer answer = answers.answer(Question.of("How many days of paid leave does an employee get?"));

        assertThat(answer.text()).contains("twenty-seven days of paid leave");
        String sourceWords = String.join(" ", answer.citations().stream().map(Source::text).toList());
        String withoutMarkers = answer.text().replaceAll("\\[\\d+]", " ");
        assertThat(Arrays.stream(withoutMarkers.split("[\\s.,;:]+")).filter(w -> !w.isEmpty()))
                .allSatisfy(word -> assertThat(sourceWords).contains(word));
        assertThat(answer.citations()).extracting(s -> s.document().id()).contains(handbook.id());
    }

    @Test
    void aQuestionTheDocumentsDoNotAnswerAbstainsWithTheNoAnswerText() {
        Answer answer = answers.answer(Question.of("Who won the football world cup in 1954?"));

        assertThat(answer.abstained()).isTrue();
        assertThat(answer.text()).isEqualTo(catalog.text(Prompt.NO_ANSWER));
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.sentences()).isEmpty();
    }

    @Test
    void aDocumentFilterLimitsTheSources() {
        Answer answer = answers.answer(new Question("What should the boiler pressure gauge read?", null,
                Set.of(handbook.id())));

        assertThat(answer.sources()).allSatisfy(source -> assertThat(source.document().id()).isEqualTo(handbook.id()));
        assertThat(answer.text()).doesNotContain("pressure gauge");
    }
}
