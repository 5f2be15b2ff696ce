package dev.groundwork.answer;

import dev.groundwork.answer.Evidence.SourceSentence;
import dev.groundwork.embed.Encoder;
import dev.groundwork.embed.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
 * batched encoder call for the answer's own sentences (none for an extractive answer).
 */
@Component
class AnswerChecker {

    /** {@code [1]}, {@code [1, 2]} and {@code [1;2]}; a run like {@code [1][2]} is two markers. */
    private static final Pattern MARKER = Pattern.compile("\\[\\s*(\\d{1,6}(?:\\s*[,;]\\s*\\d{1,6})*)\\s*]");
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

    /** A sentence of an answer and the sources it cites, before scoring. */
    private record Claim(String text, Set<Integer> citations) {
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
            claims.add(new Claim(quote.text(), Set.of(quote.source().n())));
            text.append(separator(previous, quote)).append(quote.text()).append(" [").append(quote.source().n()).append(']');
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
        Matcher matcher = MARKER.matcher(draft);
        int from = 0;
        while (matcher.find()) {
            out.append(draft, from, matcher.start());
            List<Integer> valid = new ArrayList<>();
            for (String number : matcher.group(1).split("\\s*[,;]\\s*")) {
                int n = parse(number);
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

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * Cuts the answer into sentences with their markers. A marker that still starts a piece of text (a line that
     * begins with one) belongs to the sentence before it.
     */
    private static List<Claim> claims(String text) {
        List<Claim> claims = new ArrayList<>();
        for (Sentences.Span span : Sentences.split(text)) {
            String segment = text.substring(span.start(), span.end());
            Matcher matcher = MARKER.matcher(segment);
            Set<Integer> leading = new TreeSet<>();
            Set<Integer> own = new TreeSet<>();
            StringBuilder plain = new StringBuilder();
            int from = 0;
            while (matcher.find()) {
                plain.append(segment, from, matcher.start());
                Set<Integer> target = plain.toString().isBlank() ? leading : own;
                for (String number : matcher.group(1).split("\\s*[,;]\\s*")) {
                    target.add(parse(number));
                }
                from = matcher.end();
            }
            plain.append(segment.substring(from));
            String sentence = SPACES.matcher(SPACE_BEFORE_PUNCTUATION.matcher(plain.toString()).replaceAll("$1"))
                    .replaceAll(" ").strip();
            boolean hasWords = sentence.codePoints().anyMatch(Character::isLetterOrDigit);
            if (!claims.isEmpty() && (!leading.isEmpty() || !hasWords)) {
                claims.get(claims.size() - 1).citations().addAll(leading);
                if (!hasWords) {
                    claims.get(claims.size() - 1).citations().addAll(own);
                }
            } else {
                own.addAll(leading);
            }
            if (hasWords) {
                claims.add(new Claim(sentence, own));
            }
        }
        return claims;
    }

    private Checked score(String text, List<Claim> claims, Evidence evidence, List<Integer> invalid) {
        Map<String, float[]> vectors = vectors(claims, evidence);
        List<Set<String>> instructions = instructionTerms(evidence);
        List<AnswerSentence> sentences = new ArrayList<>(claims.size());
        Set<Integer> cited = new TreeSet<>();
        for (Claim claim : claims) {
            cited.addAll(claim.citations());
            double support = support(claim, vectors.get(claim.text()), evidence);
            sentences.add(new AnswerSentence(claim.text(), List.copyOf(claim.citations()),
                    support >= settings.supportThreshold(), Math.round(support * 1000) / 1000.0,
                    repeatsAny(claim, instructions)));
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
        Set<String> terms = Terms.of(claim.text());
        return instructions.stream().anyMatch(instruction -> Terms.coverage(instruction, terms) >= REPEATED_SHARE);
    }

    /** The vectors of the claims that cite something: known ones looked up, the rest embedded in one call. */
    private Map<String, float[]> vectors(List<Claim> claims, Evidence evidence) {
        Map<String, float[]> vectors = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (Claim claim : claims) {
            if (claim.citations().isEmpty() || Texts.isBlank(claim.text()) || vectors.containsKey(claim.text())) {
                continue;
            }
            float[] known = evidence.knownVector(claim.text());
            vectors.put(claim.text(), known);
            if (known == null) {
                unknown.add(claim.text());
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

    /**
     * The best cosine similarity to a sentence of the cited sources, mixed with the share of the claim's terms
     * that the cited sources contain. A claim that cites nothing has no support.
     */
    private double support(Claim claim, float[] vector, Evidence evidence) {
        if (claim.citations().isEmpty() || vector == null) {
            return 0;
        }
        double similarity = 0;
        for (SourceSentence sentence : evidence.sentences()) {
            if (claim.citations().contains(sentence.source().n())) {
                similarity = Math.max(similarity, Encoder.similarity(vector, sentence.vector()));
            }
        }
        Set<String> citedTerms = new HashSet<>();
        claim.citations().forEach(n -> citedTerms.addAll(evidence.termsOf(n)));
        Set<String> claimTerms = Terms.of(claim.text());
        // A claim of stop words only ("Yes.") is judged by similarity alone.
        double overlap = claimTerms.isEmpty() ? similarity : Terms.coverage(claimTerms, citedTerms);
        return Math.max(0, Math.min(1, settings.score(similarity, overlap)));
    }
}
