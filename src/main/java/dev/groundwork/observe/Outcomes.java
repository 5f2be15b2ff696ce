package dev.groundwork.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;

/**
 * Counts what became of questions and documents, on the meter registry ({@code /actuator/prometheus}), and keeps the
 * last hour of answers for the page's index panel. Tags are bounded: outcomes, fallback reasons and problem codes,
 * never a question, a file name or an id.
 */
public final class Outcomes {

    /** Questions by outcome ({@code answered}, {@code abstained}, {@code fallback}, {@code error}) and reason. */
    public static final String QUESTIONS = "groundwork.questions";
    /** Documents by change ({@code added}, {@code replaced}, {@code removed}, {@code refused}) and problem code. */
    public static final String DOCUMENTS = "groundwork.documents.changed";
    /** Where there is no reason or code to tell. */
    public static final String NONE_TAG = "none";

    /** Counted by nobody: for tools and tests that make the services by hand. */
    public static final Outcomes NONE = new Outcomes(new CompositeMeterRegistry(), Clock.systemUTC());

    /** Questions answered, abstained from or failed. */
    public enum Question {
        ANSWERED, ABSTAINED, FALLBACK, ERROR;

        String tag() {
            return name().toLowerCase();
        }
    }

    /** What happened to a document. */
    public enum Change {
        ADDED, REPLACED, REMOVED, REFUSED;

        String tag() {
            return name().toLowerCase();
        }
    }

    private final MeterRegistry registry;
    private final RecentAnswers recent;

    public Outcomes(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.recent = new RecentAnswers(clock);
    }

    /**
     * A question answered: {@code reason} is the fallback reason when the language model's answer was replaced.
     *
     * @param tookMs the whole answer, retrieval included, for the page's median
     */
    public void question(Question outcome, String reason, long tookMs) {
        counter(QUESTIONS, "outcome", outcome.tag(), "reason", reason == null ? NONE_TAG : reason).increment();
        if (outcome != Question.ERROR) {
            recent.add(tookMs);
        }
    }

    /** A question that failed, with the problem code its caller got. */
    public void questionFailed(String code) {
        counter(QUESTIONS, "outcome", Question.ERROR.tag(), "reason", code).increment();
    }

    /** A document added, replaced, removed, or a file refused with its problem code. */
    public void document(Change change, String code, String via) {
        counter(DOCUMENTS, "change", change.tag(), "code", code == null ? NONE_TAG : code, "via", via).increment();
    }

    /** Files refused so far, uploads and folder files alike, since the service started. */
    public long refused(String via) {
        return Math.round(registry.find(DOCUMENTS).tag("change", Change.REFUSED.tag()).tag("via", via).counters()
                .stream().mapToDouble(Counter::count).sum());
    }

    /** The answers of the last hour. */
    public RecentAnswers.Summary lastHour() {
        return recent.summary();
    }

    private Counter counter(String name, String... tags) {
        return registry.counter(name, tags);
    }
}
