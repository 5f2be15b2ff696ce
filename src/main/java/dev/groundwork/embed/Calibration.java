package dev.groundwork.embed;

/**
 * Answer thresholds measured for one encoder. Each model's cosine similarities sit in a range of their own (bge's
 * run higher than MiniLM's for the same pair of texts), so a threshold measured with one does not fit another; the
 * thresholds are kept with the model they were measured with (docs/answers.md says how).
 *
 * @param evidenceThreshold below this best question-to-sentence score the service abstains
 * @param supportThreshold  an answer sentence scoring below this against the sources it cites is unsupported
 * @param measured          false for a model of the user's own, which gets MiniLM's thresholds until they set theirs
 */
public record Calibration(double evidenceThreshold, double supportThreshold, boolean measured) {

    public Calibration {
        if (evidenceThreshold < 0 || evidenceThreshold > 1 || supportThreshold < 0 || supportThreshold > 1) {
            throw new IllegalArgumentException("thresholds lie between 0 and 1");
        }
    }
}
