package dev.groundwork.web;

import dev.groundwork.answer.Answer;
import dev.groundwork.answer.AnswerListener;
import dev.groundwork.answer.AnswerService;
import dev.groundwork.answer.Conversation;
import dev.groundwork.answer.LlmSettings;
import dev.groundwork.answer.PreparedQuestion;
import dev.groundwork.answer.Question;
import dev.groundwork.ingest.DocumentNotFoundException;
import dev.groundwork.ingest.IngestionService;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Questions and grounded answers, as one JSON reply or as Server-Sent Events: {@code sources}, then {@code token}
 * events, then {@code done} with the checked answer, or {@code error} with a problem detail. A follow-up names its
 * conversation (kept by the service) or sends its earlier turns; it is searched for as a standalone question.
 */
@RestController
class AskController {

    /** More documents than this in one filter is a mistake, not a question. */
    private static final int MAX_DOCUMENT_IDS = 1000;
    /** A stream outlives the answer timeout by this much, for retrieval, the checks and the fallback. */
    private static final Duration STREAM_MARGIN = Duration.ofSeconds(30);

    private final AnswerService answers;
    private final IngestionService ingestion;
    private final AnswerStreams streams;
    private final AnswerSlots slots;
    private final AskConversations conversations;
    private final Duration streamTimeout;

    AskController(AnswerService answers, IngestionService ingestion, AnswerStreams streams, AnswerSlots slots,
                  AskConversations conversations, LlmSettings llm) {
        this.conversations = conversations;
        this.answers = answers;
        this.ingestion = ingestion;
        this.streams = streams;
        this.slots = slots;
        this.streamTimeout = llm.answerTimeout().plus(STREAM_MARGIN);
    }

    @PostMapping(path = "/api/ask", consumes = MediaType.APPLICATION_JSON_VALUE)
    AskResponse ask(@RequestBody AskRequest request) {
        AskConversations.Thread asked = conversations.of(request.conversationId(), request.history());
        Question question = question(request.question(), request.k(), request.documentIds(), asked.conversation());
        try (AnswerSlots.Slot slot = slots.take()) {
            PreparedQuestion prepared = answers.prepare(question);
            AskConversations.Thread thread = conversations.started(asked);
            Answer answer = answers.answer(prepared, AnswerListener.NONE);
            conversations.answered(thread, prepared, answer);
            return AskResponse.of(prepared, thread.id(), answer);
        }
    }

    /** The question is checked and its chunks retrieved before the stream opens, so a bad question is a plain 400. */
    @GetMapping(path = "/api/ask/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) String question, @RequestParam(required = false) Integer k,
                      @RequestParam(name = "documentId", required = false) List<String> documentIds,
                      @RequestParam(required = false) String conversationId) {
        AskConversations.Thread asked = conversations.of(conversationId, null);
        Question checked = question(question, k, documentIds, asked.conversation());
        AnswerSlots.Slot slot = slots.take();
        try {
            PreparedQuestion prepared = answers.prepare(checked);
            AskConversations.Thread thread = conversations.started(asked);
            SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
            streams.start(prepared, new AnswerStreams.AskEvents(emitter, prepared, thread.id(),
                    answer -> conversations.answered(thread, prepared, answer)), emitter, slot);
            return emitter;
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    private Question question(String text, Integer k, List<String> documentIds, Conversation conversation) {
        Set<String> ids = documentIds == null ? Set.of() : new LinkedHashSet<>(documentIds);
        if (ids.size() > MAX_DOCUMENT_IDS) {
            throw new InvalidRequestException(HttpStatus.BAD_REQUEST, "TOO_MANY_DOCUMENTS",
                    "Name at most " + MAX_DOCUMENT_IDS + " documents.");
        }
        // A filter on a document that does not exist would silently answer from nothing.
        for (String id : ids) {
            if (id == null || ingestion.find(id).isEmpty()) {
                throw new DocumentNotFoundException(String.valueOf(id));
            }
        }
        return new Question(text == null ? "" : text, k, ids, conversation);
    }
}
