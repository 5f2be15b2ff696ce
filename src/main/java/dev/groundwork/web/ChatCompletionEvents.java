package dev.groundwork.web;

import dev.groundwork.answer.Answer;
import dev.groundwork.answer.PreparedQuestion;
import dev.groundwork.answer.Source;
import dev.groundwork.security.OpenAiErrors;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A streamed chat completion in OpenAI's chunk format: the assistant's role first, then each token as a content
 * delta, then a last chunk with {@code finish_reason: stop} and the grounding (citations, what was searched for, the
 * checked answer), then {@code [DONE]}. An answer nothing was streamed of (quotes written at once, an abstention)
 * goes out as one delta. When the language model fails after it streamed, the answer that stands in follows what
 * was streamed after a blank line, since a chunk cannot take back what was sent. A failure is an {@code error} event
 * in OpenAI's error shape.
 */
final class ChatCompletionEvents implements AnswerStreams.Events {

    private final SseEmitter emitter;
    private final String id;
    private final long created;
    private final PreparedQuestion question;
    private final StringBuilder streamed = new StringBuilder();
    private volatile boolean open = true;

    ChatCompletionEvents(SseEmitter emitter, String id, long created, PreparedQuestion question) {
        this.emitter = emitter;
        this.id = id;
        this.created = created;
        this.question = question;
    }

    @Override
    public boolean open() {
        return open;
    }

    @Override
    public void sources(List<Source> sources) {
        send(ChatCompletionChunk.of(id, created, new ChatCompletionChunk.Delta("assistant", ""), null, null));
    }

    @Override
    public boolean token(String text) {
        streamed.append(text);
        return send(ChatCompletionChunk.of(id, created, new ChatCompletionChunk.Delta(null, text), null, null));
    }

    @Override
    public void done(Answer answer) throws IOException {
        String rest = streamed.isEmpty() ? answer.text()
                : answer.fallbackReason() != null ? "\n\n" + answer.text() : "";
        if (!rest.isEmpty()) {
            chunk(ChatCompletionChunk.of(id, created, new ChatCompletionChunk.Delta(null, rest), null, null));
        }
        chunk(ChatCompletionChunk.of(id, created, new ChatCompletionChunk.Delta(null, null), "stop",
                ChatCompletion.Grounding.of(question, answer, true)));
        emitter.send(SseEmitter.event().data("[DONE]", MediaType.TEXT_PLAIN));
    }

    @Override
    public void failed(ProblemDetail problem) throws IOException {
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        emitter.send(SseEmitter.event().data(OpenAiErrors.body(problem.getStatus(), String.valueOf(code),
                problem.getDetail(), null), MediaType.APPLICATION_JSON));
    }

    private void chunk(ChatCompletionChunk chunk) throws IOException {
        emitter.send(SseEmitter.event().data(chunk, MediaType.APPLICATION_JSON));
    }

    private boolean send(ChatCompletionChunk chunk) {
        if (!open) {
            return false;
        }
        try {
            chunk(chunk);
            return true;
        } catch (IOException | IllegalStateException e) {
            open = false;
            return false;
        }
    }
}
