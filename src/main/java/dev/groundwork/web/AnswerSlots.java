package dev.groundwork.web;

import dev.groundwork.answer.AnswerSettings;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Answers being written at once, JSON and streamed together, are at most {@code groundwork.answer.max-answers}: one
 * more is refused at once with 503 {@code TOO_BUSY}, never queued unseen, so that a slow LLM can hold neither every
 * servlet thread nor every stream.
 */
@Component
class AnswerSlots {

    /** A slot taken for one answer; closing it (once, however often it is called) frees it. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore slots;

    AnswerSlots(AnswerSettings settings) {
        this.slots = new Semaphore(settings.maxAnswers());
    }

    /** @throws InvalidRequestException 503 TOO_BUSY when every slot is taken */
    Slot take() {
        if (!slots.tryAcquire()) {
            throw new InvalidRequestException(HttpStatus.SERVICE_UNAVAILABLE, "TOO_BUSY",
                    "Too many answers are being written; try again in a moment.");
        }
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                slots.release();
            }
        };
    }
}
