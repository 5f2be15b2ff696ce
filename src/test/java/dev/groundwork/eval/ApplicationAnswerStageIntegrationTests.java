package dev.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.answer.AnswerService;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.retrieve.RetrievalRequest;
import dev.groundwork.retrieve.Retrieval;
import dev.groundwork.retrieve.Retriever;
import dev.groundwork.support.Fixtures;
import dev.groundwork.support.TestDirs;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The evaluation's answer stage is the application's answerer, on the chunks the evaluation hands it. */
@SpringBootTest(properties = "groundwork.llm.base-url=")
class ApplicationAnswerStageIntegrationTests {

    @DynamicPropertySource
    static void dirs(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
    }

    @Autowired
    AnswerService answers;
    @Autowired
    IngestionService ingestion;
    @Autowired
    Retriever retriever;

    private Retrieval retrieved(String question) {
        if (ingestion.documents().isEmpty()) {
            ingestion.upload("lease.txt", new ByteArrayInputStream(Fixtures.utf8(
                    "Lease agreement\n\nThe notice period of this lease is three months. "
                            + "The rent is due on the first day of each month.\n")));
        }
        return retriever.retrieve(RetrievalRequest.of(question));
    }

    @Test
    void answersFromTheGivenChunksWithCitationsNumberedIntoThem() {
        ApplicationAnswerStage stage = new ApplicationAnswerStage(answers);

        AnswerOutcome outcome = stage.answer(retrieved("What is the notice period?"));

        assertThat(stage.name()).isEqualTo("extractive");
        assertThat(outcome.abstained()).isFalse();
        assertThat(outcome.text()).contains("The notice period of this lease is three months.");
        assertThat(outcome.citations()).containsExactly(1);
        assertThat(outcome.sentences()).allSatisfy(sentence -> assertThat(sentence.supported()).isTrue());
    }

    @Test
    void anOffTopicQuestionIsAnAbstention() {
        AnswerOutcome outcome = new ApplicationAnswerStage(answers)
                .answer(retrieved("Who painted the Mona Lisa?"));

        assertThat(outcome.abstained()).isTrue();
        assertThat(outcome.text()).isEmpty();
    }
}
