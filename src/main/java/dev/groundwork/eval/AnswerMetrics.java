package dev.groundwork.eval;

import dev.groundwork.retrieve.RetrievedChunk;
import java.util.List;

/**
 * Adds up answers over questions. Not thread-safe.
 * <ul>
 *   <li>containment: answerable questions whose answer holds a gold answer string (an abstention does not);</li>
 *   <li>citation precision: citations, over all answers, whose chunk holds a gold answer string;</li>
 *   <li>unsupported-sentence rate: answer sentences the answerer could not support, over all answer sentences;</li>
 *   <li>abstention rate: of unanswerable questions (right) and of answerable ones (wrong).</li>
 * </ul>
 * Questions without gold answer strings count only for sentences and abstention.
 */
final class AnswerMetrics {

    private int withAnswers;
    private int contained;
    private int citations;
    private int citationsWithAnswer;
    private int sentences;
    private int unsupported;
    private int unanswerable;
    private int abstainedUnanswerable;
    private int answerable;
    private int abstainedAnswerable;

    /** What was judged of one answer, for the per-question results. */
    record Judgement(boolean containsAnswer, int citations, int citationsWithAnswer, int sentences, int unsupported) {
    }

    Judgement add(Question question, List<RetrievedChunk> sources, AnswerOutcome outcome) {
        List<String> answers = question.answers();
        boolean contains = !outcome.abstained() && TextMatch.containsAny(outcome.text(), answers);
        int cited = 0;
        int citedWithAnswer = 0;
        if (!answers.isEmpty()) {
            for (int number : outcome.citations()) {
                cited++;
                if (number <= sources.size() && TextMatch.containsAny(sources.get(number - 1).chunk().text(), answers)) {
                    citedWithAnswer++;
                }
            }
        }
        int unsupportedHere = (int) outcome.sentences().stream().filter(s -> !s.supported()).count();
        if (question.answerable()) {
            answerable++;
            abstainedAnswerable += outcome.abstained() ? 1 : 0;
            if (!answers.isEmpty()) {
                withAnswers++;
                contained += contains ? 1 : 0;
            }
        } else {
            unanswerable++;
            abstainedUnanswerable += outcome.abstained() ? 1 : 0;
        }
        citations += cited;
        citationsWithAnswer += citedWithAnswer;
        sentences += outcome.sentences().size();
        unsupported += unsupportedHere;
        return new Judgement(contains, cited, citedWithAnswer, outcome.sentences().size(), unsupportedHere);
    }

    /** Each rate is null when nothing was there to count (no unanswerable questions, no citations, ...). */
    record Scores(Double containment, Double citationPrecision, Double unsupportedRate,
                  Double abstentionUnanswerable, Double abstentionAnswerable) {
    }

    Scores scores() {
        return new Scores(rate(contained, withAnswers), rate(citationsWithAnswer, citations),
                rate(unsupported, sentences), rate(abstainedUnanswerable, unanswerable),
                rate(abstainedAnswerable, answerable));
    }

    private static Double rate(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
