package dev.groundwork.answer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with one answerer and, when it fails, with another: the language model first, quotes when it cannot answer.
 * It owns the fallback reason, which goes with the answer that stands in. Tokens the first one streamed before it
 * failed stay on the client's screen until the checked answer replaces them, so the second one streams nothing then.
 */
public final class FallbackAnswerer implements Answerer {

    private static final Logger log = LoggerFactory.getLogger(FallbackAnswerer.class);

    private final Answerer first;
    private final Answerer then;

    public FallbackAnswerer(Answerer first, Answerer then) {
        this.first = first;
        this.then = then;
    }

    @Override
    public Draft answer(Evidence evidence, AnswerListener listener) {
        StreamWatch watch = new StreamWatch(listener);
        try {
            return first.answer(evidence, watch);
        } catch (AnswerFailedException failure) {
            log.info("Answering {} instead: {}", then.mode().name().toLowerCase(), failure.getMessage());
            return then.answer(evidence, watch.streamed ? AnswerListener.NONE : listener).standingInFor(failure.reason());
        }
    }

    @Override
    public Mode mode() {
        return first.mode();
    }

    /** Passes tokens on and remembers whether any went out. */
    private static final class StreamWatch implements AnswerListener {
        private final AnswerListener listener;
        private volatile boolean streamed;

        StreamWatch(AnswerListener listener) {
            this.listener = listener;
        }

        @Override
        public boolean token(String text) {
            streamed = true;
            return listener.token(text);
        }
    }
}
