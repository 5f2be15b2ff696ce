package dev.groundwork.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.embed.EncoderTestSupport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The answerer that falls back: the first answers when it can; else the second, which carries the reason. */
class FallbackAnswererTests {

    private static final Evidence NOTHING = Evidence.of("question", List.of(), EncoderTestSupport.sharedEncoder());

    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final AnswerListener listener = new AnswerListener() {
        @Override
        public boolean token(String text) {
            tokens.add(text);
            return true;
        }
    };

    /** Streams its tokens, then writes them as its answer, or fails after them. */
    private record Scripted(Mode mode, List<String> tokens, FallbackReason failure) implements Answerer {
        @Override
        public Draft answer(Evidence evidence, AnswerListener listener) {
            tokens.forEach(listener::token);
            if (failure != null) {
                throw new AnswerFailedException(failure, "as scripted", null);
            }
            return new Draft.Written(String.join("", tokens), null);
        }
    }

    @Test
    void theFirstAnswersWhenItCan() {
        FallbackAnswerer answerer = new FallbackAnswerer(new Scripted(Mode.LLM, List.of("first"), null),
                new Scripted(Mode.EXTRACTIVE, List.of("second"), null));

        Draft draft = answerer.answer(NOTHING, listener);

        assertThat(draft).isEqualTo(new Draft.Written("first", null));
        assertThat(tokens).containsExactly("first");
        assertThat(answerer.mode()).isEqualTo(Mode.LLM);
    }

    @Test
    void whenTheFirstFailsBeforeAnyTokenTheSecondAnswersStreamsAndCarriesTheReason() {
        FallbackAnswerer answerer = new FallbackAnswerer(
                new Scripted(Mode.LLM, List.of(), FallbackReason.LLM_UNREACHABLE),
                new Scripted(Mode.EXTRACTIVE, List.of("quoted"), null));

        Draft draft = answerer.answer(NOTHING, listener);

        assertThat(draft.fallbackReason()).isEqualTo(FallbackReason.LLM_UNREACHABLE);
        assertThat(tokens).containsExactly("quoted");
    }

    @Test
    void afterTokensOfTheFirstTheSecondStreamsNothing() {
        FallbackAnswerer answerer = new FallbackAnswerer(
                new Scripted(Mode.LLM, List.of("half an ans"), FallbackReason.LLM_STREAM_DROPPED),
                new Scripted(Mode.EXTRACTIVE, List.of("quoted"), null));

        Draft draft = answerer.answer(NOTHING, listener);

        assertThat(draft.fallbackReason()).isEqualTo(FallbackReason.LLM_STREAM_DROPPED);
        assertThat(draft).isInstanceOfSatisfying(Draft.Written.class, written -> assertThat(written.text())
                .isEqualTo("quoted"));
        assertThat(tokens).as("the checked answer replaces what was streamed").containsExactly("half an ans");
    }
}
