package dev.groundwork.answer;

import dev.groundwork.embed.Encoder;
import dev.groundwork.text.Sentences;
import dev.groundwork.text.TableRows;
import dev.groundwork.text.Texts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sentences of the numbered sources with their vectors and terms, and the question's: what the extractive
 * answerer picks from, what abstention weighs and what the support check compares answers with. Built with one
 * batched encoder call, so each sentence is embedded once per question; the question's own vector comes from its
 * retrieval when that embedded it.
 */
public final class Evidence {

    /**
     * A sentence of a source: {@code text} is {@code source.text().substring(start, end)}. A table row is scored
     * with its table's header row ({@code header}), since "Team | 290 EUR" alone does not say what 290 EUR is;
     * {@code vector} and {@code terms} are then those of both rows.
     */
    public record SourceSentence(Source source, int start, int end, String text, String header, float[] vector,
                                 Set<String> terms) {

        boolean tableRow() {
            return TableRows.isRow(text);
        }
    }

    /** The weight of the closest passage's similarity in the evidence; the best sentence's relevance has the rest. */
    static final double PASSAGE_WEIGHT = 0.7;

    private final String question;
    private final float[] questionVector;
    private final Set<String> questionTerms;
    private final List<Source> sources;
    private final List<SourceSentence> sentences;
    private final Map<String, float[]> vectorsByText;
    private final Map<Integer, Set<String>> termsBySource;

    private Evidence(String question, float[] questionVector, List<Source> sources, List<SourceSentence> sentences,
                     Map<String, float[]> vectorsByText) {
        this.question = question;
        this.questionVector = questionVector;
        this.questionTerms = Terms.of(question);
        this.sources = List.copyOf(sources);
        this.sentences = List.copyOf(sentences);
        this.vectorsByText = vectorsByText;
        this.termsBySource = new HashMap<>();
        for (SourceSentence sentence : sentences) {
            termsBySource.computeIfAbsent(sentence.source().n(), n -> new HashSet<>()).addAll(sentence.terms());
        }
    }

    /** Splits the sources into sentences and embeds them and the question. */
    static Evidence of(String question, List<Source> sources, Encoder encoder) {
        return of(question, null, sources, encoder);
    }

    /**
     * Splits the sources into sentences and embeds them, and the question unless its vector is given.
     *
     * @param questionVector the question as its retrieval embedded it, or null when the retrieval did not
     */
    static Evidence of(String question, float[] questionVector, List<Source> sources, Encoder encoder) {
        record Unit(Source source, Sentences.Span span, String text, String header) {
            String scored() {
                return header == null ? text : header + "\n" + text;
            }
        }
        List<Unit> units = new ArrayList<>();
        // Overlapping chunks repeat sentences: embed each distinct text once.
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (Source source : sources) {
            String header = null;
            Sentences.Span previous = null;
            for (Sentences.Span span : Sentences.split(source.text())) {
                String text = source.text().substring(span.start(), span.end());
                if (Texts.isBlank(text)) {
                    continue;
                }
                // A table is a run of rows on consecutive lines; its first row is the header.
                boolean row = TableRows.isRow(text);
                boolean continuesTable = row && header != null && previous != null
                        && TableRows.isRow(source.text().substring(previous.start(), previous.end()))
                        && source.text().substring(previous.end(), span.start()).chars().filter(c -> c == '\n').count() == 1;
                if (row && !continuesTable) {
                    header = text;
                } else if (!row) {
                    header = null;
                }
                Unit unit = new Unit(source, span, text, row && continuesTable ? header : null);
                units.add(unit);
                vectors.putIfAbsent(unit.scored(), null);
                previous = span;
            }
        }
        List<String> distinct = new ArrayList<>(vectors.keySet());
        List<float[]> embedded = encoder.embedAll(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            vectors.put(distinct.get(i), embedded.get(i));
        }
        List<SourceSentence> sentences = new ArrayList<>(units.size());
        Map<String, float[]> byText = new HashMap<>();
        for (Unit unit : units) {
            float[] vector = vectors.get(unit.scored());
            sentences.add(new SourceSentence(unit.source(), unit.span().start(), unit.span().end(), unit.text(),
                    unit.header(), vector, Terms.of(unit.scored())));
            byText.putIfAbsent(unit.text(), vector);
        }
        return new Evidence(question, questionVector != null ? questionVector : encoder.embedQuery(question), sources,
                sentences, byText);
    }

    /** The question as searched. */
    public String question() {
        return question;
    }

    /** The numbered sources, best first. */
    public List<Source> sources() {
        return sources;
    }

    List<SourceSentence> sentences() {
        return sentences;
    }

    /** The vector of a text that is a sentence of the sources, or null. */
    float[] knownVector(String text) {
        return vectorsByText.get(text);
    }

    /** Every term of a source's sentences. */
    Set<String> termsOf(int n) {
        return termsBySource.getOrDefault(n, Set.of());
    }

    /** How well a source sentence answers the question: cosine similarity mixed with question-term coverage. */
    double relevance(SourceSentence sentence, AnswerSettings settings) {
        return settings.score(cosine(sentence), Terms.coverage(questionTerms, sentence.terms()));
    }

    double cosine(SourceSentence sentence) {
        return Encoder.similarity(questionVector, sentence.vector());
    }

    Set<String> questionTerms() {
        return questionTerms;
    }

    /**
     * How strongly the documents answer the question: how close the closest passage came to the question, weighed
     * {@link #PASSAGE_WEIGHT} against the best relevance of any source sentence. Below the evidence threshold the
     * service abstains. A sentence alone misjudges long questions (few of their many terms are in any one
     * sentence) and short off-topic ones (a common word or two is much of them); the passage's similarity, which
     * includes what its document is, misjudges questions whose words the passages share by topic alone. Together
     * they tell both apart on every public set (docs/answers.md).
     *
     * @param closest the cosine similarity of the closest passage of the retrieval, or null when it searched no
     *                vectors (BM25 only, or while the index is rebuilt for another encoder): then the closest
     *                source sentence stands in for it, a cosine of the same encoder on the same scale, so that the
     *                encoder's threshold still fits
     */
    double strength(AnswerSettings settings, Float closest) {
        double best = 0;
        double closestSentence = 0;
        for (SourceSentence sentence : sentences) {
            best = Math.max(best, relevance(sentence, settings));
            closestSentence = Math.max(closestSentence, cosine(sentence));
        }
        double passage = closest != null ? closest : closestSentence;
        return PASSAGE_WEIGHT * passage + (1 - PASSAGE_WEIGHT) * best;
    }
}
