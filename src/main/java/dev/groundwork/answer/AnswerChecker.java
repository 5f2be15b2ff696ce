package dev.groundwork.answer;

import dev.groundwork.answer.Evidence.SourceSentence;
import dev.groundwork.embed.Encoder;
import dev.groundwork.text.Sentences;
import dev.groundwork.text.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks every answer: parses its [n] markers (a marker that points at no given source is removed and reported),
 * and scores each sentence against the sources it cites, by encoder similarity to their sentences mixed with the
 * share of its terms they contain. Sentence vectors of the sources are already known, so the check costs one
 * batched encoder call for the answer's own sentences (none for an extractive answer). Each sentence is given where
 * it stands in the answer, where its markers stand, and the sentence of each cited source that supports it best.
 */
@Component
class AnswerChecker {

    /**
     * Spaces before punctuation. Tried only where a run of spaces starts, and the run taken whole (possessive):
     * tried at every space of a long run, {@code [ \t]+} would cost time quadratic in the run.
     */
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("(?<![ \\t])[ \\t]++([.,;:!?])");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
    /** Markers put after a sentence's full stop ("claim. [1]"), which sentence splitting would give to the next. */
    private static final Pattern MARKERS_AFTER_STOP = Pattern.compile("([.!?])[ \\t]*((?:\\[\\d+](?:[ \\t]*\\[\\d+])*))");

    /** An answer after the checks. */
    record Checked(String text, List<AnswerSentence> sentences, List<Source> citations, List<Integer> invalidCitations) {
    }

    /**
     * A sentence of an answer and the sources it cites, before scoring: {@code start..end} in the answer's text, its
     * markers included (a marker that starts the next line belongs to the sentence before it, and extends it).
     */
    private static final class Claim {
        private final String text;
        private final Set<Integer> citations;
        private final int start;
        private int end;
        private SourceSentence quote;

        Claim(String text, Set<Integer> citations, int start, int end) {
            this.text = text;
            this.citations = citations;
            this.start = start;
            this.end = end;
        }
    }

    /** An answer sentence holding this share of an order's content words repeats it. */
    private static final double REPEATED_SHARE = 0.5;
    /** Orders of fewer content words are too short to tell a repeat from a coincidence. */
    private static final int MIN_INSTRUCTION_TERMS = 3;

    private final Encoder encoder;
    private final AnswerSettings settings;

    AnswerChecker(Encoder encoder, AnswerSettings settings) {
        this.encoder = encoder;
        this.settings = settings;
    }

    /** Checks a draft: the text a model wrote, or the sentences quoted from the sources. */
    Checked check(Draft draft, Evidence evidence) {
        if (draft instanceof Draft.Written written) {
            return check(written.text(), evidence);
        }
        return check(((Draft.Quoted) draft).quotes(), evidence);
    }

    /** Checks the text an LLM wrote. */
    Checked check(String draft, Evidence evidence) {
        int count = evidence.sources().size();
        Set<Integer> invalid = new TreeSet<>();
        // "claim. [1]" becomes "claim [1].": the marker stays with its sentence.
        String text = MARKERS_AFTER_STOP.matcher(dropInvalidMarkers(draft, count, invalid)).replaceAll(" $2$1").strip();
        return score(text, claims(text), evidence, List.copyOf(invalid));
    }

    /** Checks an extractive answer: its sentences are quotes, each citing the source it was taken from. */
    Checked check(List<SourceSentence> quotes, Evidence evidence) {
        List<Claim> claims = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        SourceSentence previous = null;
        for (SourceSentence quote : quotes) {
            text.append(separator(previous, quote));
            int start = text.length();
            text.append(quote.text()).append(" [").append(quote.source().n()).append(']');
            Claim claim = new Claim(quote.text(), Set.of(quote.source().n()), start, text.length());
            claim.quote = quote;
            claims.add(claim);
            previous = quote;
        }
        return score(text.toString(), claims, evidence, List.of());
    }

    /** Quotes follow one another on a line, except table rows, which keep a line each. */
    static String separator(SourceSentence previous, SourceSentence next) {
        if (previous == null) {
            return "";
        }
        return previous.tableRow() || next.tableRow() ? "\n" : " ";
    }

    /** Removes markers that point at no source; a marker with valid and invalid numbers keeps the valid ones. */
    private static String dropInvalidMarkers(String draft, int count, Set<Integer> invalid) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = CitationMarkers.MARKER.matcher(draft);
        int from = 0;
        while (matcher.find()) {
            out.append(draft, from, matcher.start());
            List<Integer> valid = new ArrayList<>();
            for (int n : CitationMarkers.numbers(matcher.group(1))) {
                if (n >= 1 && n <= count) {
                    if (!valid.contains(n)) {
                        valid.add(n);
                    }
                } else {
                    invalid.add(n);
                }
            }
            if (valid.isEmpty()) {
                // "claim [9]." becomes "claim.", not "claim ."
                while (!out.isEmpty() && (out.charAt(out.length() - 1) == ' ' || out.charAt(out.length() - 1) == '\t')) {
                    out.setLength(out.length() - 1);
                }
            } else {
                valid.forEach(n -> out.append('[').append(n).append(']'));
            }
            from = matcher.end();
        }
        return out.append(draft.substring(from)).toString();
    }

    /**
     * Cuts the answer into sentences with their markers. A marker that still starts a piece of text (a line that
     * begins with one) belongs to the sentence before it, which then reaches over it.
     */
    private static List<Claim> claims(String text) {
        List<Claim> claims = new ArrayList<>();
        for (Sentences.Span span : Sentences.split(text)) {
            String segment = text.substring(span.start(), span.end());
            Matcher matcher = CitationMarkers.MARKER.matcher(segment);
            Set<Integer> leading = new TreeSet<>();
            Set<Integer> own = new TreeSet<>();
            StringBuilder plain = new StringBuilder();
            int leadingEnd = 0;
            int from = 0;
            while (matcher.find()) {
                plain.append(segment, from, matcher.start());
                boolean beforeAnyWord = plain.toString().isBlank();
                (beforeAnyWord ? leading : own).addAll(CitationMarkers.numbers(matcher.group(1)));
                if (beforeAnyWord) {
                    leadingEnd = matcher.end();
                }
                from = matcher.end();
            }
            plain.append(segment.substring(from));
            String sentence = SPACES.matcher(SPACE_BEFORE_PUNCTUATION.matcher(plain.toString()).replaceAll("$1"))
                    .replaceAll(" ").strip();
            boolean hasWords = sentence.codePoints().anyMatch(Character::isLetterOrDigit);
            int start = span.start();
            if (!claims.isEmpty() && (!leading.isEmpty() || !hasWords)) {
                Claim before = claims.get(claims.size() - 1);
                before.citations.addAll(leading);
                before.end = span.start() + leadingEnd;
                if (!hasWords) {
                    before.citations.addAll(own);
                    before.end = span.end();
                }
                start = skipSpaces(text, span.start() + leadingEnd);
            } else {
                own.addAll(leading);
            }
            if (hasWords) {
                claims.add(new Claim(sentence, own, start, span.end()));
            }
        }
        return claims;
    }

    private static int skipSpaces(String text, int from) {
        while (from < text.length() && Texts.isSpace(text.charAt(from))) {
            from++;
        }
        return from;
    }

    private Checked score(String text, List<Claim> claims, Evidence evidence, List<Integer> invalid) {
        Map<String, float[]> vectors = vectors(claims, evidence);
        List<Set<String>> instructions = instructionTerms(evidence);
        List<CitationMarker> markers = CitationMarkers.in(text);
        List<AnswerSentence> sentences = new ArrayList<>(claims.size());
        Set<Integer> cited = new TreeSet<>();
        for (Claim claim : claims) {
            cited.addAll(claim.citations);
            List<SupportingSentence> supportedBy = claim.quote != null
                    ? List.of(new SupportingSentence(claim.quote.source().n(), claim.quote.start(), claim.quote.end(), true))
                    : supportingSentences(claim, vectors.get(claim.text), evidence);
            double support = support(claim, vectors.get(claim.text), evidence);
            List<CitationMarker> own = markers.stream()
                    .filter(marker -> marker.start() >= claim.start && marker.end() <= claim.end).toList();
            sentences.add(new AnswerSentence(claim.text, List.copyOf(claim.citations),
                    support >= settings.supportThreshold(), Math.round(support * 1000) / 1000.0,
                    repeatsAny(claim, instructions), claim.start, claim.end, own, supportedBy));
        }
        List<Source> citations = evidence.sources().stream().filter(source -> cited.contains(source.n())).toList();
        return new Checked(text, sentences, citations, invalid);
    }

    /** The terms of each sentence of the sources that gives orders to an assistant; usually there is none. */
    private static List<Set<String>> instructionTerms(Evidence evidence) {
        List<Set<String>> instructions = new ArrayList<>();
        for (SourceSentence sentence : evidence.sentences()) {
            if (Instructions.isInstructionLike(sentence.text())) {
                Set<String> terms = Terms.of(sentence.text());
                if (terms.size() >= MIN_INSTRUCTION_TERMS) {
                    instructions.add(terms);
                }
            }
        }
        return instructions;
    }

    /**
     * Whether a claim repeats one of those orders: holds most of its content words, whichever source it cites (an
     * answer that follows an order seldom cites where it came from).
     */
    private static boolean repeatsAny(Claim claim, List<Set<String>> instructions) {
        if (instructions.isEmpty()) {
            return false;
        }
        Set<String> terms = Terms.of(claim.text);
        return instructions.stream().anyMatch(instruction -> Terms.coverage(instruction, terms) >= REPEATED_SHARE);
    }

    /** The vectors of the claims that cite something: known ones looked up, the rest embedded in one call. */
    private Map<String, float[]> vectors(List<Claim> claims, Evidence evidence) {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Claim claim : claims) {
            if (claim.citations.isEmpty() || Texts.isBlank(claim.text) || vectors.containsKey(claim.text)) {
                continue;
            }
            float[] known = evidence.knownVector(claim.text);
            vectors.put(claim.text, known);
            if (known == null) {
                unknown.add(claim.text);
            }
        }
        if (!unknown.isEmpty()) {
            List<float[]> embedded = encoder.embedAll(unknown);
            for (int i = 0; i < unknown.size(); i++) {
                vectors.put(unknown.get(i), embedded.get(i));
            }
        }
        return vectors;
    }

    /** For each source a claim cites, its sentence most similar to the claim. */
    private static List<SupportingSentence> supportingSentences(Claim claim, float[] vector, Evidence evidence) {
        List<SupportingSentence> supporting = new ArrayList<>();
        if (vector == null) {
            return supporting;
        }
        String wanted = squash(claim.text.replaceAll("[.!?;:]+$", ""));
        for (int n : claim.citations) {
            SourceSentence best = null;
            double bestSimilarity = Double.NEGATIVE_INFINITY;
            for (SourceSentence sentence : evidence.sentences()) {
                double similarity = sentence.source().n() == n ? Encoder.similarity(vector, sentence.vector())
                        : Double.NEGATIVE_INFINITY;
                if (similarity > bestSimilarity) {
                    best = sentence;
                    bestSimilarity = similarity;
                }
            }
            if (best != null) {
                supporting.add(new SupportingSentence(n, best.start(), best.end(),
                        !wanted.isEmpty() && squash(best.text()).contains(wanted)));
            }
        }
        return supporting;
    }

    /** Lower case, runs of white space as one space: how two wordings are compared for being the same words. */
    private static String squash(String text) {
        return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The best cosine similarity to a sentence of the cited sources, mixed with the share of the claim's terms that
     * the cited sources contain. A claim that cites nothing has no support.
     */
    private double support(Claim claim, float[] vector, Evidence evidence) {
        if (claim.citations.isEmpty() || vector == null) {
            return 0;
        }
        double similarity = 0;
        for (SourceSentence sentence : evidence.sentences()) {
            if (claim.citations.contains(sentence.source().n())) {
                similarity = Math.max(similarity, Encoder.similarity(vector, sentence.vector()));
            }
        }
        Set<String> citedTerms = new HashSet<>();
        claim.citations.forEach(n -> citedTerms.addAll(evidence.termsOf(n)));
        Set<String> claimTerms = Terms.of(claim.text);
        // A claim of stop words only ("Yes.") is judged by similarity alone.
        double overlap = claimTerms.isEmpty() ? similarity : Terms.coverage(claimTerms, citedTerms);
        return Math.max(0, Math.min(1, settings.score(similarity, overlap)));
    }
}
