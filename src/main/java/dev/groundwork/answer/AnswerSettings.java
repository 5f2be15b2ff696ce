package dev.groundwork.answer;

import dev.groundwork.embed.Calibration;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How answers are grounded and checked. Scores mix the encoder's cosine similarity with term overlap:
 * {@code similarityWeight * cosine + (1 - similarityWeight) * overlap}. The thresholds were measured on public
 * question sets for each bundled encoder (docs/answers.md says how); set here, they replace the measured ones.
 *
 * @param contextTokens        the token budget of the numbered sources in the prompt (encoder tokens), best first
 * @param evidenceThreshold    below this best question-to-sentence score the service abstains without an LLM call;
 *                             null: the encoder's
 * @param supportThreshold     an answer sentence scoring below this against the sources it cites is unsupported;
 *                             null: the encoder's
 * @param similarityWeight     the weight of cosine similarity against term overlap in every score
 * @param extractiveSentences  the most sentences an extractive answer quotes
 * @param extractiveShare      a sentence joins an extractive answer when it scores at least this share of the best
 * @param maxAnswers           answers written at once, JSON and streamed together; one more is refused with 503
 *                             TOO_BUSY, so that a slow LLM cannot hold every thread of the service
 */
public record AnswerSettings(
        @DefaultValue("1500") @Min(64) @Max(100000) int contextTokens,
        @DecimalMin("0.0") @DecimalMax("1.0") Double evidenceThreshold,
        @DecimalMin("0.0") @DecimalMax("1.0") Double supportThreshold,
        @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double similarityWeight,
        @DefaultValue("3") @Min(1) @Max(20) int extractiveSentences,
        @DefaultValue("0.85") @DecimalMin("0.0") @DecimalMax("1.0") double extractiveShare,
        @DefaultValue("8") @Min(1) @Max(256) int maxAnswers) {

    private static final Logger log = LoggerFactory.getLogger(AnswerSettings.class);

    /** These settings, with the encoder's measured thresholds where none are set. */
    public AnswerSettings withThresholdsOf(Calibration calibration, String encoder) {
        if (!calibration.measured() && (evidenceThreshold == null || supportThreshold == null)) {
            log.warn("No answer thresholds were measured for the encoder {}: set groundwork.answer.evidence-threshold "
                    + "and support-threshold for it (docs/answers.md says how); MiniLM's are used", encoder);
        }
        return new AnswerSettings(contextTokens,
                evidenceThreshold != null ? evidenceThreshold : calibration.evidenceThreshold(),
                supportThreshold != null ? supportThreshold : calibration.supportThreshold(),
                similarityWeight, extractiveSentences, extractiveShare, maxAnswers);
    }

    /** The mixed score of a cosine similarity and a term overlap. */
    double score(double cosine, double overlap) {
        return similarityWeight * cosine + (1 - similarityWeight) * overlap;
    }
}
