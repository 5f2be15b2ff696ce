package dev.groundwork.answer.llm;

import dev.groundwork.answer.AnswerListener;
import dev.groundwork.answer.Condenser;
import dev.groundwork.answer.Conversation;
import dev.groundwork.answer.GroundedPrompt;
import dev.groundwork.answer.Turn;
import dev.groundwork.prompt.Prompt;
import dev.groundwork.prompt.PromptCatalog;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a follow-up stand alone with the language model ({@code prompts/condense.txt}), through the same client,
 * timeouts, retries and circuit breaker as answers. When the model fails, or says nothing usable (no line, or one
 * longer than a question may be), the heuristic does it instead.
 */
final class LlmCondenser implements Condenser {

    private static final Logger log = LoggerFactory.getLogger(LlmCondenser.class);

    private final LlmAnswerer model;
    private final PromptCatalog catalog;
    private final Condenser fallback;
    private final int maxChars;

    LlmCondenser(LlmAnswerer model, PromptCatalog catalog, Condenser fallback, int maxChars) {
        this.model = model;
        this.catalog = catalog;
        this.fallback = fallback;
        this.maxChars = maxChars;
    }

    @Override
    public String condense(Conversation conversation, String followUp) {
        if (conversation.isEmpty() || followUp.isBlank()) {
            return followUp.strip();
        }
        String history = conversation.turns().stream().map(this::turn).collect(Collectors.joining("\n\n"));
        String prompt = catalog.render(Prompt.CONDENSE, Map.of("history", history, "question", oneLine(followUp)));
        long started = System.nanoTime();
        try {
            String rewritten = firstLine(model.write(new GroundedPrompt("", prompt), AnswerListener.NONE));
            if (rewritten.isEmpty() || rewritten.length() > maxChars) {
                log.warn("The LLM's standalone question was {} characters: the heuristic's is used", rewritten.length());
                return fallback.condense(conversation, followUp);
            }
            log.info("Follow-up made standalone by the LLM in {} ms", (System.nanoTime() - started) / 1_000_000);
            return rewritten;
        } catch (LlmFailure failure) {
            log.warn("The LLM could not make the follow-up standalone ({}): the heuristic's is used", failure.reason());
            return fallback.condense(conversation, followUp);
        }
    }

    private String turn(Turn turn) {
        return catalog.render(Prompt.CONDENSE_TURN, Map.of("question", oneLine(turn.question()),
                "answer", oneLine(turn.answer())));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** The model's first line, without the quotes or label a small model may put around it. */
    private static String firstLine(String text) {
        for (String line : text.strip().split("\\R")) {
            String cleaned = line.strip().replaceFirst("(?i)^(standalone|rewritten)( question)?:\\s*", "")
                    .replaceAll("^[\"'“”]+|[\"'“”]+$", "").strip();
            if (!cleaned.isEmpty()) {
                return cleaned;
            }
        }
        return "";
    }
}
