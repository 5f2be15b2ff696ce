package dev.groundwork.answer.llm;

import dev.groundwork.answer.AnswerFailedException;
import dev.groundwork.answer.AnswerListener;
import dev.groundwork.answer.Answerer;
import dev.groundwork.answer.Draft;
import dev.groundwork.answer.Evidence;
import dev.groundwork.answer.FallbackReason;
import dev.groundwork.answer.GroundedPrompt;
import dev.groundwork.answer.GroundedPrompts;
import dev.groundwork.answer.LlmSettings;
import dev.groundwork.answer.Mode;
import dev.groundwork.observe.Stage;
import dev.groundwork.observe.Stages;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes answers with an OpenAI-compatible chat endpoint, streaming the tokens as they come. Enforces the
 * first-token and whole-answer timeouts itself (the HTTP client only bounds the wait for the response headers),
 * tries again only while no token has been streamed, and goes through the circuit breaker. A failure is an
 * {@link AnswerFailedException} with the reason, for the answerer that stands in.
 */
final class LlmAnswerer implements Answerer {

    private static final Logger log = LoggerFactory.getLogger(LlmAnswerer.class);

    private final LlmSettings settings;
    private final StreamingChatModel model;
    private final CircuitBreaker breaker;
    private final GroundedPrompts prompts;
    private final Stages stages;

    LlmAnswerer(LlmSettings settings, StreamingChatModel model, CircuitBreaker breaker, GroundedPrompts prompts,
                Stages stages) {
        this.settings = settings;
        this.model = model;
        this.breaker = breaker;
        this.prompts = prompts;
        this.stages = stages;
    }

    @Override
    public Draft answer(Evidence evidence, AnswerListener listener) {
        try {
            return new Draft.Written(write(prompts.write(evidence.question(), evidence.sources()), listener), null);
        } catch (LlmFailure failure) {
            throw new AnswerFailedException(failure.reason(), failure.getMessage(), failure);
        }
    }

    @Override
    public Mode mode() {
        return Mode.LLM;
    }

    /**
     * Streams an answer to the listener and returns its whole text.
     *
     * @throws LlmFailure when no complete answer came; tokens may have been streamed before
     */
    String write(GroundedPrompt prompt, AnswerListener listener) throws LlmFailure {
        // one observation per question's call, every try included, tagged with how it ended: the LLM's total time
        try (Stage call = stages.startCall(Stages.LLM, "llm")) {
            try {
                String text = call(prompt, listener);
                call.tag("outcome", "ok");
                return text;
            } catch (LlmFailure failure) {
                call.tag("outcome", failure.reason().name());
                throw failure;
            }
        }
    }

    private String call(GroundedPrompt prompt, AnswerListener listener) throws LlmFailure {
        if (!breaker.tryAcquire()) {
            throw new LlmFailure(FallbackReason.LLM_CIRCUIT_OPEN, "circuit breaker open");
        }
        // a prompt of one message (the condensing one) has no system text
        ChatRequest request = ChatRequest.builder()
                .messages(prompt.system().isBlank() ? List.of(UserMessage.from(prompt.user()))
                        : List.of(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user())))
                .build();
        long started = System.nanoTime();
        long deadline = started + settings.answerTimeout().toNanos();
        int tries = 0;
        while (true) {
            tries++;
            Attempt attempt = new Attempt(listener);
            try {
                String text = attempt.run(request, started, deadline);
                breaker.recordSuccess();
                log.info("LLM answered in {} ms ({} tries, {} tokens streamed)", (System.nanoTime() - started) / 1_000_000,
                        tries, attempt.tokens);
                return text;
            } catch (ClientGone gone) {
                breaker.recordIgnored();
                throw new LlmFailure(FallbackReason.LLM_STREAM_DROPPED, "the client went away");
            } catch (LlmFailure failure) {
                boolean again = failure.retryable() && tries <= settings.retries()
                        && System.nanoTime() + settings.retryBackoff().toNanos() < deadline;
                log.warn("LLM call failed (try {}): {}{}", tries, settings.redacted(failure.getMessage()),
                        again ? "; trying again" : "");
                if (!again) {
                    breaker.recordFailure(settings.redacted(failure.getMessage()));
                    throw failure;
                }
                sleep(settings.retryBackoff().toMillis());
            }
        }
    }

    private static void sleep(long millis) throws LlmFailure {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmFailure(FallbackReason.LLM_STREAM_DROPPED, "interrupted");
        }
    }

    /** The listener refused a token: nobody waits for the answer any more. */
    private static final class ClientGone extends Exception {
        ClientGone() {
            super(null, null, false, false);
        }
    }

    /** One streamed call. Callbacks arrive on the HTTP client's threads; once abandoned, they are ignored. */
    private final class Attempt implements StreamingChatResponseHandler {

        private final AnswerListener listener;
        private final CountDownLatch firstOrEnd = new CountDownLatch(1);
        private final CountDownLatch end = new CountDownLatch(1);
        private final AtomicBoolean abandoned = new AtomicBoolean();
        private final AtomicBoolean clientGone = new AtomicBoolean();
        private final AtomicReference<ChatResponse> response = new AtomicReference<>();
        private final AtomicReference<Throwable> error = new AtomicReference<>();
        private final StringBuffer text = new StringBuffer();
        private volatile int tokens;

        Attempt(AnswerListener listener) {
            this.listener = listener;
        }

        String run(ChatRequest request, long started, long deadline) throws LlmFailure, ClientGone {
            // time to the first token: tagged "token" when one came, else how the wait ended
            try (Stage firstToken = stages.startCall(Stages.LLM_FIRST_TOKEN, "llm-first-token")) {
                try {
                    model.chat(request, this);
                } catch (RuntimeException e) {
                    firstToken.tag("outcome", "error");
                    throw LlmErrors.classify(e, false);
                }
                long firstDeadline = Math.min(deadline, System.nanoTime() + settings.firstTokenTimeout().toNanos());
                if (!await(firstOrEnd, firstDeadline)) {
                    abandoned.set(true);
                    firstToken.tag("outcome", FallbackReason.LLM_FIRST_TOKEN_TIMEOUT.name());
                    throw new LlmFailure(FallbackReason.LLM_FIRST_TOKEN_TIMEOUT,
                            "no token within " + settings.firstTokenTimeout().toMillis() + " ms");
                }
                firstToken.tag("outcome", tokens > 0 ? "token" : error.get() != null ? "error" : "none");
            }
            if (!await(end, deadline)) {
                abandoned.set(true);
                throw new LlmFailure(FallbackReason.LLM_ANSWER_TIMEOUT,
                        "no complete answer within " + settings.answerTimeout().toMillis() + " ms");
            }
            if (clientGone.get()) {
                throw new ClientGone();
            }
            if (error.get() != null) {
                throw LlmErrors.classify(error.get(), tokens > 0);
            }
            ChatResponse done = response.get();
            // A stream that just stops, without a finish reason, was cut off: its text may be half a sentence.
            if (done == null || done.finishReason() == null) {
                throw new LlmFailure(FallbackReason.LLM_STREAM_DROPPED, "the stream ended without a finish reason",
                        tokens == 0, null);
            }
            String answer = done.aiMessage() != null && done.aiMessage().text() != null ? done.aiMessage().text()
                    : text.toString();
            if (answer.isBlank()) {
                throw new LlmFailure(FallbackReason.LLM_MALFORMED_REPLY, "the reply held no answer text");
            }
            return answer;
        }

        private boolean await(CountDownLatch latch, long deadlineNanos) throws LlmFailure {
            try {
                return latch.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                abandoned.set(true);
                Thread.currentThread().interrupt();
                throw new LlmFailure(FallbackReason.LLM_STREAM_DROPPED, "interrupted");
            }
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (abandoned.get() || clientGone.get()) {
                // Nobody reads this call any more: stop it rather than let it run to the end.
                context.streamingHandle().cancel();
                return;
            }
            String token = partial.text();
            if (token == null || token.isEmpty()) {
                return;
            }
            text.append(token);
            tokens++;
            firstOrEnd.countDown();
            if (!listener.token(token)) {
                clientGone.set(true);
                context.streamingHandle().cancel();
                firstOrEnd.countDown();
                end.countDown();
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse complete) {
            response.set(complete);
            firstOrEnd.countDown();
            end.countDown();
        }

        @Override
        public void onError(Throwable failure) {
            error.compareAndSet(null, failure);
            firstOrEnd.countDown();
            end.countDown();
        }
    }
}
