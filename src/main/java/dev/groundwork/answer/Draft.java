package dev.groundwork.answer;

import dev.groundwork.answer.Evidence.SourceSentence;
import java.util.List;
import java.util.Objects;

/** An answer as its answerer wrote it, before the checks: text a model wrote, or sentences quoted from the sources. */
public sealed interface Draft {

    /** Why this draft stands in for the answer another answerer failed to write, or null. */
    FallbackReason fallbackReason();

    /** The same draft, standing in for the answer another answerer failed to write for this reason. */
    Draft standingInFor(FallbackReason reason);

    Mode mode();

    /** Text a language model wrote, with its {@code [n]} markers as written. */
    record Written(String text, FallbackReason fallbackReason) implements Draft {

        public Written {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Draft standingInFor(FallbackReason reason) {
            return new Written(text, reason);
        }

        @Override
        public Mode mode() {
            return Mode.LLM;
        }
    }

    /** Sentences of the sources, quoted word for word, in reading order; each cites the source it was taken from. */
    record Quoted(List<SourceSentence> quotes, FallbackReason fallbackReason) implements Draft {

        public Quoted {
            quotes = List.copyOf(quotes);
        }

        @Override
        public Draft standingInFor(FallbackReason reason) {
            return new Quoted(quotes, reason);
        }

        @Override
        public Mode mode() {
            return Mode.EXTRACTIVE;
        }
    }
}
