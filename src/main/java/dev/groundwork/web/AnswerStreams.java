package dev.groundwork.web;

import dev.groundwork.answer.Answer;
import dev.groundwork.answer.AnswerListener;
import dev.groundwork.answer.AnswerService;
import dev.groundwork.answer.AnswerSettings;
import dev.groundwork.answer.PreparedQuestion;
import dev.groundwork.answer.Source;
import dev.groundwork.embed.EncoderUnavailableException;
import dev.groundwork.index.IndexUnavailableException;
import dev.groundwork.retrieve.InvalidQueryException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Runs streamed answers on a bounded pool of their own, so a slow LLM holds no servlet thread; each holds one of the
 * {@link AnswerSlots} until it is done, so there are never more than {@code groundwork.answer.max-answers}.
 */
@Component
class AnswerStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnswerStreams.class);

    /** The {@code token} event's data. */
    record TokenEvent(String text) {
    }

    /** The {@code sources} event's data. */
    record SourcesEvent(List<CitationView> sources) {
    }

    private final AnswerService answers;
    private final ThreadPoolExecutor pool;

    AnswerStreams(AnswerService answers, AnswerSettings settings) {
        this.answers = answers;
        AtomicInteger count = new AtomicInteger();
        // No queue: a stream either starts now or is refused with 503, never waits unseen.
        this.pool = new ThreadPoolExecutor(settings.maxAnswers(), settings.maxAnswers(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "answer-stream-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Answers on a thread of the pool, which frees the slot when the answer is done.
     *
     * @throws java.util.concurrent.RejectedExecutionException when every thread is taken (the slots keep it from
     *                                                         happening)
     */
    void start(PreparedQuestion question, SseEmitter emitter, AnswerSlots.Slot slot) {
        pool.execute(() -> {
            try (slot) {
                run(question, emitter);
            }
        });
    }

    private void run(PreparedQuestion question, SseEmitter emitter) {
        EmitterListener listener = new EmitterListener(emitter);
        try {
            Answer answer = answers.answer(question, listener);
            if (listener.open) {
                emitter.send(SseEmitter.event().name("done").data(AskResponse.of(answer), MediaType.APPLICATION_JSON));
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            log.debug("The client left before the answer was done: {}", e.getMessage());
            emitter.completeWithError(e);
        } catch (RuntimeException e) {
            sendError(emitter, e);
        }
    }

    private static void sendError(SseEmitter emitter, RuntimeException e) {
        ProblemDetail problem = problemFor(e);
        try {
            emitter.send(SseEmitter.event().name("error").data(problem, MediaType.APPLICATION_PROBLEM_JSON));
            emitter.complete();
        } catch (IOException | IllegalStateException sendFailure) {
            emitter.completeWithError(e);
        }
    }

    /** The same problems the JSON endpoints answer with, for failures after the stream has begun. */
    static ProblemDetail problemFor(RuntimeException e) {
        if (e instanceof InvalidQueryException invalid) {
            return ApiProblems.of(HttpStatus.BAD_REQUEST, invalid.code(), invalid.getMessage());
        }
        if (e instanceof IndexUnavailableException) {
            log.error("Index unavailable while answering: {}", e.getMessage(), e);
            return ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE, "INDEX_UNAVAILABLE",
                    "The index cannot be used right now; try again later.");
        }
        if (e instanceof EncoderUnavailableException) {
            log.error("Encoder unavailable while answering: {}", e.getMessage(), e);
            return ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE, "ENCODER_UNAVAILABLE",
                    "The encoder cannot be used right now; try again later.");
        }
        log.error("Unexpected failure while answering: {}", e.getMessage(), e);
        return ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side; the error has been logged.");
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    /** Sends sources and tokens as events; once the client is gone, asks the answerer to stop. */
    private static final class EmitterListener implements AnswerListener {
        private final SseEmitter emitter;
        private volatile boolean open = true;

        EmitterListener(SseEmitter emitter) {
            this.emitter = emitter;
        }

        @Override
        public void sources(List<Source> sources) {
            send("sources", new SourcesEvent(sources.stream().map(CitationView::of).toList()));
        }

        @Override
        public boolean token(String text) {
            return send("token", new TokenEvent(text));
        }

        private boolean send(String name, Object data) {
            if (!open) {
                return false;
            }
            try {
                emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
                return true;
            } catch (IOException | IllegalStateException e) {
                open = false;
                return false;
            }
        }
    }
}
