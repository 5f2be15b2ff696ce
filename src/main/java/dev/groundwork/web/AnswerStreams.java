package dev.groundwork.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.groundwork.answer.Answer;
import dev.groundwork.answer.AnswerListener;
import dev.groundwork.answer.AnswerService;
import dev.groundwork.answer.CitationMarker;
import dev.groundwork.answer.CitationMarkers;
import dev.groundwork.answer.PreparedQuestion;
import dev.groundwork.answer.Source;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
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

    /**
     * The {@code sources} event's data: the numbered sources, and the question as asked, what was searched for (a
     * follow-up made standalone) and the conversation it is kept in.
     */
    record SourcesEvent(String question, String searchedFor,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String conversationId, List<CitationView> sources) {
    }

    /**
     * What a stream tells its client, in the format of its endpoint: the sources and tokens as they come (the
     * listener), then the checked answer or the failure.
     */
    interface Events extends AnswerListener {

        /** Whether the client is still there. */
        boolean open();

        void done(Answer answer) throws IOException;

        void failed(ProblemDetail problem) throws IOException;
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
     * @throws InvalidRequestException {@code TOO_BUSY} when every thread is taken (the slots keep it from happening);
     *                                 the slot is then still the caller's to free
     */
    void start(PreparedQuestion question, Events events, SseEmitter emitter, AnswerSlots.Slot slot) {
        try {
            pool.execute(() -> {
                try (slot) {
                    run(question, events, emitter);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new InvalidRequestException(HttpStatus.SERVICE_UNAVAILABLE, "TOO_BUSY",
                    "Too many answers are being written; try again in a moment.");
        }
    }

    private void run(PreparedQuestion question, Events events, SseEmitter emitter) {
        try {
            Answer answer = answers.answer(question, events);
            if (events.open()) {
                events.done(answer);
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            log.debug("The client left before the answer was done: {}", e.getMessage());
            emitter.completeWithError(e);
        } catch (RuntimeException e) {
            ProblemDetail problem = ApiProblems.of(e); // the same problem the JSON endpoints answer with
            counts.question(problem);
            try {
                events.failed(problem);
                emitter.complete();
            } catch (IOException | IllegalStateException sendFailure) {
                emitter.completeWithError(e);
            }
        }
    }

    /** {@code GET /api/ask/stream}'s events; once the client is gone, asks the answerer to stop. */
    static final class AskEvents implements Events {
        private final SseEmitter emitter;
        private final PreparedQuestion question;
        private final String conversationId;
        private final Consumer<Answer> answered;
        private final StringBuilder streamed = new StringBuilder();
        private volatile boolean open = true;

        /** @param answered told the answer before it is sent (the conversation keeps it) */
        AskEvents(SseEmitter emitter, PreparedQuestion question, String conversationId, Consumer<Answer> answered) {
            this.emitter = emitter;
            this.question = question;
            this.conversationId = conversationId;
            this.answered = answered;
        }

        @Override
        public boolean open() {
            return open;
        }

        @Override
        public void sources(List<Source> sources) {
            send("sources", new SourcesEvent(question.asked(), question.text(), conversationId,
                    sources.stream().map(CitationView::of).toList()));
        }

        @Override
        public boolean token(String text) {
            int before = streamed.length();
            streamed.append(text);
            List<CitationMarker> completed = CitationMarkers.in(streamed.toString()).stream()
                    .filter(marker -> marker.end() > before).toList();
            return send("token", new TokenEvent(text, completed));
        }

        @Override
        public void done(Answer answer) throws IOException {
            answered.accept(answer);
            emitter.send(SseEmitter.event().name("done").data(AskResponse.of(question, conversationId, answer),
                    MediaType.APPLICATION_JSON));
        }

        @Override
        public void failed(ProblemDetail problem) throws IOException {
            emitter.send(SseEmitter.event().name("error").data(problem, MediaType.APPLICATION_PROBLEM_JSON));
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
