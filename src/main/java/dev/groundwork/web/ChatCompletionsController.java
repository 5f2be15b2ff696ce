package dev.groundwork.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.groundwork.answer.Answer;
import dev.groundwork.answer.AnswerListener;
import dev.groundwork.answer.AnswerService;
import dev.groundwork.answer.Conversation;
import dev.groundwork.answer.LlmSettings;
import dev.groundwork.answer.PreparedQuestion;
import dev.groundwork.answer.Question;
import dev.groundwork.answer.Turn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * An OpenAI-compatible chat endpoint, for chat front-ends and scripts that speak OpenAI's protocol: the last user
 * message is the question, the messages before it are the conversation (a follow-up is searched for as a standalone
 * question), the answer is the assistant's message with its {@code [n]} markers, and its citations are in the extra
 * {@code groundwork} field. {@code stream: true} answers with Server-Sent Events in OpenAI's chunk format. The one
 * model is {@code groundwork}: the language model behind it, if any, is never named or reachable here.
 */
@RestController
class ChatCompletionsController {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A stream outlives the answer timeout by this much, for retrieval, the checks and the fallback. */
    private static final Duration STREAM_MARGIN = Duration.ofSeconds(30);

    private final AnswerService answers;
    private final AnswerStreams streams;
    private final AnswerSlots slots;
    private final Clock clock;
    private final Duration streamTimeout;
    /** When the model "was created": when this service started. */
    private final long started;

    ChatCompletionsController(AnswerService answers, AnswerStreams streams, AnswerSlots slots, LlmSettings llm) {
        this.answers = answers;
        this.streams = streams;
        this.slots = slots;
        this.clock = Clock.systemUTC();
        this.streamTimeout = llm.answerTimeout().plus(STREAM_MARGIN);
        this.started = clock.instant().getEpochSecond();
    }

    /** OpenAI's model object. */
    record Model(String id, String object, long created, @JsonProperty("owned_by")
                 String ownedBy) {
    }

    /** The models, as {@code GET /v1/models} lists them. */
    record Models(String object, List<Model> data) {
    }

    @GetMapping("/v1/models")
    Models models() {
        return new Models("list", List.of(model()));
    }

    @GetMapping("/v1/models/{model}")
    Model model(@PathVariable String model) {
        checkModel(model);
        return model();
    }

    private Model model() {
        return new Model(ChatCompletion.MODEL, "model", started, "groundwork");
    }

    /**
     * The question is checked and its passages found before anything is sent, so a bad question is a plain error
     * reply; a streamed answer then runs on the answer streams' threads, holding an answer slot as {@code /api/ask}'s do.
     */
    @PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ResponseBodyEmitter> complete(@RequestBody ChatRequest request) {
        Question question = question(request);
        String id = "chatcmpl-" + HexFormat.of().formatHex(bytes());
        long created = clock.instant().getEpochSecond();
        AnswerSlots.Slot slot = slots.take();
        if (!Boolean.TRUE.equals(request.stream())) {
            try (slot) {
                PreparedQuestion prepared = answers.prepare(question);
                Answer answer = answers.answer(prepared, AnswerListener.NONE);
                // one JSON reply, sent through an emitter so that one method serves both kinds of request
                ResponseBodyEmitter reply = new ResponseBodyEmitter();
                reply.send(ChatCompletion.of(id, created, prepared, answer), MediaType.APPLICATION_JSON);
                reply.complete();
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reply);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            PreparedQuestion prepared = answers.prepare(question);
            SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
            streams.start(prepared, new ChatCompletionEvents(emitter, id, created, prepared), emitter, slot);
            return ResponseEntity.ok().body(emitter);
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    /** The last message is the question; the user and assistant messages before it, the conversation. */
    private static Question question(ChatRequest request) {
        if (request.model() != null) {
            checkModel(request.model());
        }
        List<ChatRequest.Message> messages = request.messages();
        if (messages == null || messages.isEmpty() || messages.contains(null)) {
            throw new InvalidRequestException(HttpStatus.BAD_REQUEST, "BAD_REQUEST",
                    "Send the conversation in 'messages'; the last one is the question.", "messages");
        }
        ChatRequest.Message last = messages.get(messages.size() - 1);
        if (!"user".equals(last.role())) {
            throw new InvalidRequestException(HttpStatus.BAD_REQUEST, "BAD_REQUEST",
                    "The last message must be the user's question.", "messages");
        }
        List<Turn> turns = new ArrayList<>();
        String asked = null;
        for (ChatRequest.Message message : messages.subList(0, messages.size() - 1)) {
            // system, developer and tool messages say nothing of what the documents are asked
            if ("user".equals(message.role())) {
                if (asked != null) {
                    turns.add(new Turn(asked, ""));
                }
                asked = message.text();
            } else if ("assistant".equals(message.role()) && asked != null) {
                turns.add(new Turn(asked, message.text()));
                asked = null;
            }
        }
        if (asked != null) {
            turns.add(new Turn(asked, ""));
        }
        turns.removeIf(turn -> turn.question().isBlank());
        return new Question(last.text(), null, Set.of(), new Conversation(turns));
    }

    private static void checkModel(String model) {
        if (!ChatCompletion.MODEL.equals(model)) {
            throw new InvalidRequestException(HttpStatus.NOT_FOUND, "MODEL_NOT_FOUND", "The model '" + model
                    + "' does not exist here; the one model is '" + ChatCompletion.MODEL + "'.", "model");
        }
    }

    private static byte[] bytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
