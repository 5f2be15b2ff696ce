package dev.groundwork.answer;

import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.Texts;
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
 * batched encoder call, so each sentence is embedded once per question.
 */
final class Evidence {

    /** A sentence of a source: {@code text} is {@code source.text().substring(start, end)}. */
    record SourceSentence(Source source, int start, int end, String text, float[] vector, Set<String> terms) {
    }

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
        List<Sentences.Span> spans = new ArrayList<>();
        List<Source> owners = new ArrayList<>();
        // Overlapping chunks repeat sentences: embed each distinct text once.
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (Source source : sources) {
            for (Sentences.Span span : Sentences.split(source.text())) {
                String text = source.text().substring(span.start(), span.end());
                if (Texts.isBlank(text)) {
                    continue;
                }
                spans.add(span);
                owners.add(source);
                vectors.putIfAbsent(text, null);
            }
        }
        List<String> distinct = new ArrayList<>(vectors.keySet());
        List<float[]> embedded = encoder.embedAll(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            vectors.put(distinct.get(i), embedded.get(i));
        }
        List<SourceSentence> sentences = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            Source source = owners.get(i);
            Sentences.Span span = spans.get(i);
            String text = source.text().substring(span.start(), span.end());
            sentences.add(new SourceSentence(source, span.start(), span.end(), text, vectors.get(text), Terms.of(text)));
        }
        return new Evidence(question, encoder.embedQuery(question), sources, sentences, vectors);
    }

    String question() {
        return question;
    }

    List<Source> sources() {
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

    /** The best relevance of any source sentence: below the evidence threshold, the service abstains. */
    double strength(AnswerSettings settings) {
        double best = 0;
        for (SourceSentence sentence : sentences) {
            best = Math.max(best, relevance(sentence, settings));
        }
        return best;
    }
}
