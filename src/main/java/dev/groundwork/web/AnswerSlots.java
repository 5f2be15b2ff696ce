package dev.groundwork.web;

import dev.groundwork.answer.AnswerCapacity;
import dev.groundwork.answer.AnswersBusyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The API's way to the {@link AnswerCapacity} shared by every way in: one answer more than
 * {@code groundwork.answer.max-answers}, JSON and streamed together, is refused at once with 503 {@code TOO_BUSY}.
 */
@Component
class AnswerSlots {

    /** A slot taken for one answer; closing it (once, however often it is called) frees it. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final AnswerCapacity capacity;

    AnswerSlots(AnswerCapacity capacity) {
        this.capacity = capacity;
    }

    /** @throws InvalidRequestException 503 TOO_BUSY when every slot is taken */
    Slot take() {
        try {
            return capacity.take()::close;
        } catch (AnswersBusyException e) {
            throw new InvalidRequestException(HttpStatus.SERVICE_UNAVAILABLE, "TOO_BUSY", e.getMessage());
        }
    }
}
