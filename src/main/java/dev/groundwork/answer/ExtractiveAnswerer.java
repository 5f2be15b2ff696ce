package dev.groundwork.answer;

import dev.groundwork.answer.Evidence.SourceSentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Answers without an LLM: quotes the source sentences that best answer the question (encoder similarity mixed
 * with question-term coverage), verbatim, in the order they stand in their documents, each followed by its
 * {@code [n]}. It never writes a word that is not in a source, and never fails.
 */
@Component
public final class ExtractiveAnswerer implements Answerer {

    /** Shorter lines are headings and labels, rarely an answer: they are quoted only when nothing else is there. */
    private static final int MIN_WORDS = 4;

    private final AnswerSettings settings;

    ExtractiveAnswerer(AnswerSettings settings) {
        this.settings = settings;
    }

    /** Quotes the sentences and streams them to the listener, one quote with its marker at a time. */
    @Override
    public Draft answer(Evidence evidence, AnswerListener listener) {
        List<SourceSentence> quotes = quotes(evidence);
        SourceSentence previous = null;
        for (SourceSentence quote : quotes) {
            if (!listener.token(AnswerChecker.separator(previous, quote) + quote.text() + " [" + quote.source().n() + "]")) {
                break;
            }
            previous = quote;
        }
        return new Draft.Quoted(quotes, null);
    }

    @Override
    public Mode mode() {
        return Mode.EXTRACTIVE;
    }

    /** The sentences to quote, in reading order. */
    List<SourceSentence> quotes(Evidence evidence) {
        List<SourceSentence> candidates = evidence.sentences().stream().filter(s -> words(s.text()) >= MIN_WORDS).toList();
        if (candidates.isEmpty()) {
            candidates = evidence.sentences();
        }
        record Scored(SourceSentence sentence, double score) {
        }
        List<Scored> ranked = new ArrayList<>();
        for (SourceSentence sentence : candidates) {
            ranked.add(new Scored(sentence, evidence.relevance(sentence, settings)));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(scored -> scored.sentence().source().n()));
        List<SourceSentence> picked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        double best = ranked.isEmpty() ? 0 : ranked.get(0).score();
        for (Scored scored : ranked) {
            if (picked.size() == settings.extractiveSentences() || scored.score() < best * settings.extractiveShare()) {
                break;
            }
            // Overlapping chunks repeat sentences; quote each once.
            if (seen.add(scored.sentence().text())) {
                picked.add(scored.sentence());
            }
        }
        // A quoted table row brings its header row, or "Team | 290 EUR" would not say what 290 EUR is.
        for (SourceSentence row : List.copyOf(picked)) {
            if (row.header() != null) {
                headerOf(row, evidence).filter(header -> seen.add(header.text())).ifPresent(picked::add);
            }
        }
        // Reading order: documents in the order of their best source, then by page and place within the document.
        Map<String, Integer> documentOrder = new HashMap<>();
        for (Source source : evidence.sources()) {
            documentOrder.putIfAbsent(source.document().id(), source.n());
        }
        picked.sort(Comparator.comparingInt((SourceSentence s) -> documentOrder.get(s.source().document().id()))
                .thenComparingInt(s -> s.source().page() == null ? 0 : s.source().page())
                .thenComparingInt(s -> s.source().start() + s.start()));
        return picked;
    }

    /** The header row of a table row's run: the closest row before it in its source with the header's text. */
    private static Optional<SourceSentence> headerOf(SourceSentence row, Evidence evidence) {
        SourceSentence header = null;
        for (SourceSentence sentence : evidence.sentences()) {
            if (sentence.source() == row.source() && sentence.start() < row.start() && sentence.text().equals(row.header())) {
                header = sentence;
            }
        }
        return Optional.ofNullable(header);
    }

    private static int words(String text) {
        return text.strip().split("\\s+").length;
    }
}
