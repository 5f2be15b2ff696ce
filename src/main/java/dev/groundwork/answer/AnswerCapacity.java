package dev.groundwork.answer;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Answers being written at once, by every way in (the API's JSON and streamed answers, the MCP server's {@code ask}),
 * are at most {@code groundwork.answer.max-answers}: one more is refused at once, never queued unseen, so that a slow
 * LLM can hold neither every servlet thread nor every stream.
 */
@Component
public class AnswerCapacity {

    /** A slot taken for one answer; closing it (once, however often it is called) frees it. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore slots;

    AnswerCapacity(AnswerSettings settings) {
        this.slots = new Semaphore(settings.maxAnswers());
    }

    /** @throws AnswersBusyException when every slot is taken */
    public Slot take() {
        if (!slots.tryAcquire()) {
            throw new AnswersBusyException();
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                slots.release();
            }
        };
    }
}
