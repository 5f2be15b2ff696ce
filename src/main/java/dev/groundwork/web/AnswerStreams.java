package dev.groundwork.web;

import dev.groundwork.answer.Answer;
import dev.groundwork.answer.AnswerListener;
import dev.groundwork.answer.AnswerService;
import dev.groundwork.answer.CitationMarker;
import dev.groundwork.answer.CitationMarkers;
import dev.groundwork.answer.PreparedQuestion;
import dev.groundwork.answer.Source;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Runs streamed answers on threads of their own ({@link WebThreads}), so a slow LLM holds no servlet thread; each holds
 * one of the {@link AnswerSlots} until it is done, so there are never more than {@code groundwork.answer.max-answers}.
 */
@Component
class AnswerStreams {

    private static final Logger log = LoggerFactory.getLogger(AnswerStreams.class);

    /**
     * The {@code token} event's data: a piece of the answer as it is written, and the citation markers it completes,
     * each where it stands in the text streamed so far (the page makes buttons of them without parsing the text).
     */
    record TokenEvent(String text, List<CitationMarker> markers) {
    }

    /** The {@code sources} event's data. */
    record SourcesEvent(List<CitationView> sources) {
    }

    private final AnswerService answers;
    private final ThreadPoolTaskExecutor pool;
    private final ProblemCounts counts;

    AnswerStreams(AnswerService answers, @Qualifier(WebThreads.ANSWER_STREAMS) ThreadPoolTaskExecutor pool,
                  ProblemCounts counts) {
        this.answers = answers;
        this.pool = pool;
        this.counts = counts;
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

    private void sendError(SseEmitter emitter, RuntimeException e) {
        ProblemDetail problem = ApiProblems.of(e); // the same problem the JSON endpoints answer with
        counts.question(problem);
        try {
            emitter.send(SseEmitter.event().name("error").data(problem, MediaType.APPLICATION_PROBLEM_JSON));
            emitter.complete();
        } catch (IOException | IllegalStateException sendFailure) {
            emitter.completeWithError(e);
        }
    }

    /** Sends sources and tokens as events; once the client is gone, asks the answerer to stop. */
    private static final class EmitterListener implements AnswerListener {
        private final SseEmitter emitter;
        private final StringBuilder streamed = new StringBuilder();
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
            int before = streamed.length();
            streamed.append(text);
            List<CitationMarker> completed = CitationMarkers.in(streamed.toString()).stream()
                    .filter(marker -> marker.end() > before).toList();
            return send("token", new TokenEvent(text, completed));
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
