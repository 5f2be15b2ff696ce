package dev.groundwork.answer;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.TokenCounter;
import dev.groundwork.index.Chunk;
import dev.groundwork.prompt.Prompt;
import dev.groundwork.prompt.PromptCatalog;
import dev.groundwork.retrieve.RetrievedChunk;
import dev.groundwork.text.Sentences;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Numbers the retrieved chunks as sources within the token budget and writes the grounded prompt from the prompt
 * files. Sources go in best first; the one that no longer fits whole keeps only its leading whole sentences, and
 * the rest are left out, so no source ends in half a sentence. Each request gets source tags of its own, named at
 * random, which no document can know; and whatever in a document looks like a source tag is made inert
 * ({@link PromptText}).
 */
@Component
public class GroundedPrompts {

    private static final Logger log = LoggerFactory.getLogger(GroundedPrompts.class);
    /** Sources are set apart by a blank line; the delimiters themselves come from source.txt. */
    private static final String BETWEEN_SOURCES = "\n\n";
    /**
     * A tag of the length every request's has, for measuring sources against the budget before the tag is drawn (a
     * drawn tag may cost a few tokens more or less: the budget is counted in the encoder's tokens, not the LLM's).
     */
    static final String MEASURING_TAG = "source-" + "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PromptCatalog catalog;
    private final TokenCounter tokens;
    private final AnswerSettings settings;
    private final Supplier<String> tags;

    @Autowired
    GroundedPrompts(PromptCatalog catalog, Encoder encoder, AnswerSettings settings) {
        this(catalog, encoder, settings, GroundedPrompts::randomTag);
    }

    /** With the source tags {@code tags} gives, one per request (tests give known ones). */
    GroundedPrompts(PromptCatalog catalog, Encoder encoder, AnswerSettings settings, Supplier<String> tags) {
        this.catalog = catalog;
        this.tokens = encoder.tokenCounter();
        this.settings = settings;
        this.tags = tags;
    }

    /** {@code source-} and 64 random bits in hex: a document cannot close a block whose tag it cannot know. */
    static String randomTag() {
        byte[] bits = new byte[8];
        RANDOM.nextBytes(bits);
        return "source-" + HexFormat.of().formatHex(bits);
    }

    /** The sources that fit the budget, numbered from 1 in the order given (best first). */
    List<Source> fit(List<RetrievedChunk> chunks) {
        List<Source> sources = new ArrayList<>();
        int left = settings.contextTokens();
        for (RetrievedChunk retrieved : chunks) {
            int n = sources.size() + 1;
            Chunk chunk = retrieved.chunk();
            Source whole = source(n, retrieved, 0, chunk.text().length());
            int cost = tokens.count(block(whole, MEASURING_TAG)) + (sources.isEmpty() ? 0 : tokens.count(BETWEEN_SOURCES));
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
        int used = tokens.count(block(source(n, retrieved, 0, 0), MEASURING_TAG))
                + (first ? 0 : tokens.count(BETWEEN_SOURCES));
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
                chunk.start() + to, chunk.text().substring(from, to), retrieved.similarity(), chunk.ocrConfidence());
    }

    /** The system and user messages for a question and its sources, with source tags of this request's own. */
    public GroundedPrompt write(String question, List<Source> sources) {
        String tag = tags.get();
        String blocks = sources.stream().map(source -> block(source, tag)).collect(Collectors.joining(BETWEEN_SOURCES));
        String user = catalog.render(Prompt.ANSWER, Map.of("question", PromptText.neutraliseTags(oneLine(question), tag),
                "sources", blocks));
        return new GroundedPrompt(catalog.render(Prompt.SYSTEM, Map.of("tag", tag)), user);
    }

    private String block(Source source, String tag) {
        return catalog.render(Prompt.SOURCE, Map.of(
                "tag", tag,
                "n", Integer.toString(source.n()),
                "title", PromptText.attribute(source.document().title()),
                "fileName", PromptText.attribute(source.document().fileName()),
                "page", source.page() == null ? "-" : source.page().toString(),
                "text", PromptText.neutraliseTags(source.text(), tag)));
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
