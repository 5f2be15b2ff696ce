package dev.groundwork.eval;

import dev.groundwork.answer.Answer;
import dev.groundwork.answer.AnswerListener;
import dev.groundwork.answer.AnswerService;
import dev.groundwork.answer.PreparedQuestion;
import dev.groundwork.answer.Source;
import dev.groundwork.eval.AnswerOutcome.SentenceSupport;
import dev.groundwork.retrieve.Retrieval;

/**
 * The application's answerer as the evaluation's answer stage: the same source fitting, abstention, answerer
 * and checks as {@code /api/ask}, on the chunks each configuration retrieved.
 */
final class ApplicationAnswerStage implements AnswerStage {

    private final AnswerService answers;

    ApplicationAnswerStage(AnswerService answers) {
        this.answers = answers;
    }

    @Override
    public AnswerOutcome answer(Retrieval retrieved) {
        Answer answer = answers.answer(PreparedQuestion.of(retrieved), AnswerListener.NONE);
        if (answer.abstained()) {
            return AnswerOutcome.abstention(answer.evidence());
        }
        // Sources keep the order of the chunks given, so their numbers index into them from 1.
        return new AnswerOutcome(answer.text(), false, answer.citations().stream().map(Source::n).toList(),
                answer.sentences().stream().map(s -> new SentenceSupport(s.text(), s.supported())).toList(),
                answer.evidence());
    }

    @Override
    public String name() {
        return answers.mode().name().toLowerCase();
    }
}
