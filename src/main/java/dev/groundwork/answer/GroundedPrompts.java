package dev.groundwork.answer;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.TokenCounter;
import dev.groundwork.index.Chunk;
import dev.groundwork.prompt.Prompt;
import dev.groundwork.prompt.PromptCatalog;
import dev.groundwork.retrieve.RetrievedChunk;
import dev.groundwork.text.Sentences;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Numbers the retrieved chunks as sources within the token budget and writes the grounded prompt from the prompt
 * files. Sources go in best first; the one that no longer fits whole keeps only its leading whole sentences, and
 * the rest are left out, so no source ends in half a sentence.
 */
@Component
public class GroundedPrompts {

    private static final Logger log = LoggerFactory.getLogger(GroundedPrompts.class);
    /** Sources are set apart by a blank line; the delimiters themselves come from source.txt. */
    private static final String BETWEEN_SOURCES = "\n\n";

    private final PromptCatalog catalog;
    private final TokenCounter tokens;
    private final AnswerSettings settings;
    private final String closingDelimiter;

    GroundedPrompts(PromptCatalog catalog, Encoder encoder, AnswerSettings settings) {
        this.catalog = catalog;
        this.tokens = encoder.tokenCounter();
        this.settings = settings;
        this.closingDelimiter = catalog.lineAfter(Prompt.SOURCE, "text");
    }

    /** The sources that fit the budget, numbered from 1 in the order given (best first). */
    List<Source> fit(List<RetrievedChunk> chunks) {
        List<Source> sources = new ArrayList<>();
        int left = settings.contextTokens();
        for (RetrievedChunk retrieved : chunks) {
            int n = sources.size() + 1;
            Chunk chunk = retrieved.chunk();
            Source whole = source(n, retrieved, 0, chunk.text().length());
            int cost = tokens.count(block(whole)) + (sources.isEmpty() ? 0 : tokens.count(BETWEEN_SOURCES));
            if (cost <= left) {
                sources.add(whole);
                left -= cost;
                continue;
            }
            Source leading = leadingSentences(n, retrieved, left, sources.isEmpty());
            if (leading != null) {
                sources.add(leading);
            }
            break;
        }
        if (sources.size() < chunks.size()) {
            log.debug("{} of {} chunks fit the budget of {} tokens", sources.size(), chunks.size(), settings.contextTokens());
        }
        return sources;
    }

    /**
     * The longest run of whole leading sentences of a chunk whose block fits what is left of the budget; the best
     * source keeps at least its first sentence, so a question with chunks never goes without a source.
     */
    private Source leadingSentences(int n, RetrievedChunk retrieved, int left, boolean first) {
        String text = retrieved.chunk().text();
        List<Sentences.Span> spans = Sentences.split(text);
        if (spans.isEmpty()) {
            return first ? source(n, retrieved, 0, text.length()) : null;
        }
        int start = spans.get(0).start();
        int used = tokens.count(block(source(n, retrieved, 0, 0))) + (first ? 0 : tokens.count(BETWEEN_SOURCES));
        int end = -1;
        for (Sentences.Span span : spans) {
            used += tokens.count(text.substring(end < 0 ? start : end, span.end()));
            if (used > left) {
                break;
            }
            end = span.end();
        }
        if (end < 0) {
            if (!first) {
                return null;
            }
            end = spans.get(0).end();
            log.debug("The first sentence of the best source alone exceeds the budget of {} tokens", settings.contextTokens());
        }
        return source(n, retrieved, start, end);
    }

    private static Source source(int n, RetrievedChunk retrieved, int from, int to) {
        Chunk chunk = retrieved.chunk();
        return new Source(n, retrieved.document(), chunk.ordinal(), chunk.page(), chunk.start() + from,
                chunk.start() + to, chunk.text().substring(from, to), retrieved.similarity());
    }

    /** The system and user messages for a question and its sources. */
    public GroundedPrompt write(String question, List<Source> sources) {
        String blocks = sources.stream().map(this::block).collect(Collectors.joining(BETWEEN_SOURCES));
        String user = catalog.render(Prompt.ANSWER, Map.of("question", defuse(oneLine(question)), "sources", blocks));
        return new GroundedPrompt(catalog.text(Prompt.SYSTEM), user);
    }

    private String block(Source source) {
        return catalog.render(Prompt.SOURCE, Map.of(
                "n", Integer.toString(source.n()),
                "title", defuse(oneLine(source.document().title())),
                "fileName", defuse(oneLine(source.document().fileName())),
                "page", source.page() == null ? "-" : source.page().toString(),
                "text", defuse(source.text())));
    }

    /**
     * A document that holds the closing delimiter of a source could end its block early and pass the rest off as
     * something else; a zero-width space inside the delimiter keeps it data.
     */
    private String defuse(String text) {
        if (closingDelimiter.length() < 2 || !text.contains(closingDelimiter)) {
            return text;
        }
        return text.replace(closingDelimiter, closingDelimiter.charAt(0) + "\u200B" + closingDelimiter.substring(1));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
