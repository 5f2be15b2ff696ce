package dev.groundwork.answer;

import dev.groundwork.answer.Evidence.SourceSentence;
import dev.groundwork.text.Sentences;
import dev.groundwork.embed.Encoder;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.retrieve.RetrievedChunk;
import dev.groundwork.support.TestDirs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: the tool that measured the thresholds of {@link AnswerSettings} on public question sets. It reads
 * them from {@code ../shared/eval} (or {@code -Dcalibration.eval-dir}) at run time and never runs in the normal
 * build (its name is not a test name, and it needs {@code -Dcalibration=true}; its own properties are not {@code groundwork.*} keys, which the application would refuse as unknown settings; the encoder is chosen with {@code -Dgroundwork.encoder.model=...}):
 * <pre>mvn -B -o test -Dtest=AnswerCalibration -Dcalibration=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * It writes its report to {@code target/answer-calibration.md}.
 */
@EnabledIfSystemProperty(named = "calibration", matches = "true")
@SpringBootTest(properties = "groundwork.llm.base-url=")
class AnswerCalibration {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double[] WEIGHTS = {0.0, 0.3, 0.5, 0.7, 1.0};

    @DynamicPropertySource
    static void dirs(DynamicPropertyRegistry registry) {
        TestDirs.register(registry);
    }

    @Autowired
    AnswerService answers;
    @Autowired
    IngestionService ingestion;
    @Autowired
    GroundedPrompts prompts;
    @Autowired
    AnswerChecker checker;
    @Autowired
    Encoder encoder;
    @Autowired
    AnswerSettings settings;

    private final StringBuilder report = new StringBuilder();

    /** One question's measurements. */
    record Case(boolean answerable, double[] strength, double maxCosine, double maxOverlap, Float retrievalSimilarity,
                boolean goldInSources, Map<String, Boolean> extractiveHits, Map<String, Integer> extractiveWords) {
    }

    @Test
    void calibrate() throws IOException {
        Path eval = Path.of(System.getProperty("calibration.eval-dir", "../shared/eval"));
        int perClass = Integer.getInteger("calibration.questions", 500);
        squad(eval.resolve("squad-public"), perClass);
        hotpot(eval.resolve("hotpotqa-dev"));
        Path out = Path.of("target/answer-calibration.md");
        Files.writeString(out, report);
        System.out.println(report);
    }

    // ---------------------------------------------------------------- SQuAD

    private void squad(Path dir, int perClass) throws IOException {
        List<JsonNode> contexts = lines(dir.resolve("contexts.jsonl"));
        List<JsonNode> questions = lines(dir.resolve("questions.jsonl"));
        // Every fifth paragraph is left out of the index: its questions have no answer there.
        Set<String> heldOut = new HashSet<>();
        Map<String, String> textById = new HashMap<>();
        Map<String, List<String>> byArticle = new HashMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < contexts.size(); i++) {
            JsonNode context = contexts.get(i);
            String id = context.get("context_id").asString();
            textById.put(id, context.get("text").asString());
            byArticle.computeIfAbsent(context.get("title").asString(), t -> new ArrayList<>()).add(id);
            if (i % 5 == 4) {
                heldOut.add(id);
                continue;
            }
            upload(id, context.get("text").asString());
        }
        line("## SQuAD (squad-public)");
        line("Indexed %d of %d paragraphs (every fifth held out) in %d s.", contexts.size() - heldOut.size(),
                contexts.size(), (System.nanoTime() - started) / 1_000_000_000);
        Random random = new Random(42);
        List<JsonNode> shuffled = new ArrayList<>(questions);
        Collections.shuffle(shuffled, random);
        List<JsonNode> answerable = shuffled.stream().filter(q -> !heldOut.contains(q.get("gold_context_id").asString()))
                .limit(perClass).toList();
        List<JsonNode> unanswerable = shuffled.stream().filter(q -> heldOut.contains(q.get("gold_context_id").asString()))
                .limit(perClass).toList();
        List<Case> cases = new ArrayList<>();
        List<Double> positives = new ArrayList<>();
        Map<String, List<Double>> negatives = new LinkedHashMap<>();
        List<Long> checkNanos = new ArrayList<>();
        List<Long> evidenceNanos = new ArrayList<>();
        List<String> otherArticleSentences = new ArrayList<>();
        for (String id : textById.keySet()) {
            otherArticleSentences.add(id);
        }
        Collections.sort(otherArticleSentences);
        for (JsonNode question : answerable) {
            cases.add(measure(question, true, textById, positives, negatives, checkNanos, evidenceNanos, byArticle,
                    heldOut, otherArticleSentences, random, answerable));
        }
        for (JsonNode question : unanswerable) {
            cases.add(measure(question, false, textById, null, null, null, evidenceNanos, byArticle, heldOut,
                    otherArticleSentences, random, answerable));
        }
        abstentionReport(cases);
        extractiveReport(cases);
        supportReport(positives, negatives);
        line("Evidence step (split + one batched encoder call + question): median %.1f ms, p90 %.1f ms.",
                percentile(evidenceNanos, 0.5) / 1e6, percentile(evidenceNanos, 0.9) / 1e6);
        line("Support check of a 3-sentence LLM-style answer (parse + one batched encoder call + scoring): "
                + "median %.1f ms, p90 %.1f ms.", percentile(checkNanos, 0.5) / 1e6, percentile(checkNanos, 0.9) / 1e6);
        for (DocumentRecord document : ingestion.documents()) {
            ingestion.delete(document.id());
        }
    }

    private Case measure(JsonNode question, boolean answerable, Map<String, String> textById, List<Double> positives,
                         Map<String, List<Double>> negatives, List<Long> checkNanos, List<Long> evidenceNanos,
                         Map<String, List<String>> byArticle, Set<String> heldOut, List<String> allIds, Random random,
                         List<JsonNode> answerableQuestions) {
        String text = question.get("question").asString();
        PreparedQuestion prepared = answers.prepare(Question.of(text));
        List<Source> sources = prompts.fit(prepared.retrieval().chunks());
        long started = System.nanoTime();
        Evidence evidence = Evidence.of(prepared.text(), sources, encoder);
        evidenceNanos.add(System.nanoTime() - started);
        String gold = question.get("gold_context_id").asString();
        List<String> answersList = new ArrayList<>();
        question.get("answers").forEach(a -> answersList.add(a.asString()));
        boolean goldInSources = sources.stream().anyMatch(s -> s.document().fileName().equals(fileName(gold)));
        Case measured = features(evidence, answerable, goldInSources, answersList, prepared);
        if (positives != null && goldInSources) {
            Source goldSource = sources.stream().filter(s -> s.document().fileName().equals(fileName(gold))).findFirst().orElseThrow();
            String answer = answersList.get(0);
            int at = goldSource.text().indexOf(answer);
            if (at >= 0) {
                String claim = window(goldSource.text(), at, answer.length());
                positives.add(support(claim, goldSource.n(), evidence));
                // A wrong fact: the same words with another question's answer.
                String wrong = answerableQuestions.get(random.nextInt(answerableQuestions.size())).get("answers").get(0).asString();
                if (!wrong.equalsIgnoreCase(answer) && !goldSource.text().contains(wrong)) {
                    negatives.computeIfAbsent("same words, another answer", k -> new ArrayList<>())
                            .add(support(claim.replace(answer, wrong), goldSource.n(), evidence));
                }
                // A sentence of the same article that is not among the sources.
                String article = gold.substring(0, gold.lastIndexOf('#'));
                for (String sibling : byArticle.get(article)) {
                    if (!sibling.equals(gold) && sources.stream().noneMatch(s -> s.document().fileName().equals(fileName(sibling)))) {
                        String sentence = firstLongSentence(textById.get(sibling));
                        if (sentence != null) {
                            negatives.computeIfAbsent("same article, other paragraph", k -> new ArrayList<>())
                                    .add(support(sentence, goldSource.n(), evidence));
                        }
                        break;
                    }
                }
                // A sentence of another article.
                String other = allIds.get(random.nextInt(allIds.size()));
                if (!other.startsWith(article + "#")) {
                    String sentence = firstLongSentence(textById.get(other));
                    if (sentence != null) {
                        negatives.computeIfAbsent("another article", k -> new ArrayList<>())
                                .add(support(sentence, goldSource.n(), evidence));
                    }
                }
                // Time a 3-sentence answer whose sentences are not source sentences (as an LLM writes them).
                String draft = claim + " [" + goldSource.n() + "]. " + claim.replace(answer, wrong) + " [1]. "
                        + "This is a sentence of words the sources may not hold [2].";
                long checkStarted = System.nanoTime();
                checker.check(draft, evidence);
                checkNanos.add(System.nanoTime() - checkStarted);
            }
        }
        return measured;
    }

    private Case features(Evidence evidence, boolean answerable, boolean goldInSources, List<String> answersList,
                          PreparedQuestion prepared) {
        double[] strength = new double[WEIGHTS.length];
        double maxCosine = 0;
        double maxOverlap = 0;
        for (SourceSentence sentence : evidence.sentences()) {
            double cosine = evidence.cosine(sentence);
            double overlap = Terms.coverage(evidence.questionTerms(), sentence.terms());
            maxCosine = Math.max(maxCosine, cosine);
            maxOverlap = Math.max(maxOverlap, overlap);
            for (int i = 0; i < WEIGHTS.length; i++) {
                strength[i] = Math.max(strength[i], WEIGHTS[i] * cosine + (1 - WEIGHTS[i]) * overlap);
            }
        }
        Float retrievalSimilarity = prepared.retrieval().chunks().stream().map(RetrievedChunk::similarity)
                .filter(s -> s != null).max(Float::compare).orElse(null);
        Map<String, Boolean> hits = new LinkedHashMap<>();
        Map<String, Integer> words = new LinkedHashMap<>();
        if (answerable) {
            for (double weight : new double[] {0.3, 0.5, 0.7, 1.0}) {
                for (int sentences : new int[] {1, 2, 3}) {
                    AnswerSettings variant = new AnswerSettings(settings.contextTokens(), settings.evidenceThreshold(),
                            settings.supportThreshold(), weight, sentences, settings.extractiveShare(), 8);
                    List<SourceSentence> quoted = new ExtractiveAnswerer(variant).quotes(evidence);
                    String answer = String.join(" ", quoted.stream().map(SourceSentence::text).toList());
                    String key = "w=" + weight + " m=" + sentences;
                    hits.put(key, answersList.stream().anyMatch(a -> answer.toLowerCase(Locale.ROOT)
                            .contains(a.toLowerCase(Locale.ROOT))));
                    words.put(key, answer.isBlank() ? 0 : answer.split("\\s+").length);
                }
            }
        }
        return new Case(answerable, strength, maxCosine, maxOverlap, retrievalSimilarity, goldInSources, hits, words);
    }

    private double support(String claim, int n, Evidence evidence) {
        return checker.check(claim + " [" + n + "]", evidence).sentences().get(0).support();
    }

    /** Up to twelve words around the answer: a claim as an LLM might write it, not a source sentence. */
    private static String window(String text, int at, int length) {
        int from = at;
        int words = 0;
        while (from > 0 && words < 6) {
            from--;
            if (Character.isWhitespace(text.charAt(from))) {
                words++;
            }
            if (".!?".indexOf(text.charAt(from)) >= 0 && from + 1 < at) {
                from += 2;
                break;
            }
        }
        int to = at + length;
        words = 0;
        while (to < text.length() && words < 6 && ".!?".indexOf(text.charAt(to)) < 0) {
            if (Character.isWhitespace(text.charAt(to))) {
                words++;
            }
            to++;
        }
        return text.substring(Math.max(0, from), to).strip();
    }

    private static String firstLongSentence(String text) {
        for (Sentences.Span span : Sentences.split(text)) {
            String sentence = text.substring(span.start(), span.end());
            if (sentence.split("\\s+").length >= 8) {
                return sentence;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- HotpotQA

    private void hotpot(Path dir) throws IOException {
        List<JsonNode> questions = lines(dir.resolve("dev.jsonl"));
        // The first half keeps its gold paragraphs; the gold paragraphs of the second half are left out.
        Set<String> goldOfAnswerable = new HashSet<>();
        Set<String> goldOfUnanswerable = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            for (JsonNode fact : questions.get(i).get("supporting_facts")) {
                (i < questions.size() / 2 ? goldOfAnswerable : goldOfUnanswerable).add(fact.get(0).asString());
            }
        }
        Map<String, String> paragraphs = new LinkedHashMap<>();
        for (JsonNode question : questions) {
            for (JsonNode context : question.get("context")) {
                StringBuilder text = new StringBuilder();
                context.get(1).forEach(sentence -> text.append(sentence.asString()));
                paragraphs.putIfAbsent(context.get(0).asString(), text.toString().strip());
            }
        }
        int indexed = 0;
        for (Map.Entry<String, String> paragraph : paragraphs.entrySet()) {
            boolean held = goldOfUnanswerable.contains(paragraph.getKey()) && !goldOfAnswerable.contains(paragraph.getKey());
            if (!held && !paragraph.getValue().isBlank()) {
                upload(paragraph.getKey(), paragraph.getKey() + "\n\n" + paragraph.getValue());
                indexed++;
            }
        }
        line("");
        line("## HotpotQA (hotpotqa-dev)");
        line("Indexed %d of %d distinct paragraphs; questions 1-50 keep their gold paragraphs, 51-100 lose them.",
                indexed, paragraphs.size());
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            JsonNode question = questions.get(i);
            boolean answerable = i < questions.size() / 2;
            if (!answerable) {
                boolean anyGoldLeft = false;
                for (JsonNode fact : question.get("supporting_facts")) {
                    anyGoldLeft |= goldOfAnswerable.contains(fact.get(0).asString());
                }
                if (anyGoldLeft) {
                    continue;
                }
            }
            PreparedQuestion prepared = answers.prepare(Question.of(question.get("question").asString()));
            List<Source> sources = prompts.fit(prepared.retrieval().chunks());
            Evidence evidence = Evidence.of(prepared.text(), sources, encoder);
            cases.add(features(evidence, answerable, true, List.of(question.get("answer").asString()), prepared));
        }
        abstentionReport(cases);
        extractiveReport(cases);
    }

    // ---------------------------------------------------------------- reports

    private void abstentionReport(List<Case> cases) {
        long answerable = cases.stream().filter(Case::answerable).count();
        line("");
        line("Abstention: %d answerable, %d unanswerable questions. AUC of each evidence score, and what each "
                + "threshold does (answered = share of answerable questions answered; abstained = share of "
                + "unanswerable ones refused):", answerable, cases.size() - answerable);
        line("");
        line("| evidence score | AUC | threshold keeping 95%% answered | abstained there | threshold keeping 90%% | abstained there |");
        line("|---|---|---|---|---|---|");
        for (int i = 0; i < WEIGHTS.length; i++) {
            int index = i;
            row("max sentence score, w=" + WEIGHTS[i], cases, c -> c.strength()[index]);
        }
        row("max sentence cosine", cases, Case::maxCosine);
        row("max sentence term overlap", cases, Case::maxOverlap);
        row("max chunk cosine (retrieval)", cases, c -> c.retrievalSimilarity() == null ? 0 : c.retrievalSimilarity());
        line("");
        int current = -1;
        for (int i = 0; i < WEIGHTS.length; i++) {
            if (WEIGHTS[i] == settings.similarityWeight()) {
                current = i;
            }
        }
        if (current >= 0) {
            int index = current;
            line("Configured w=%s: at each threshold, answered / abstained:", settings.similarityWeight());
            line("");
            line("| threshold | answered | abstained |");
            line("|---|---|---|");
            for (double t = 0.30; t <= 0.701; t += 0.05) {
                double threshold = t;
                double kept = cases.stream().filter(c -> c.answerable() && c.strength()[index] >= threshold).count()
                        / (double) answerable;
                double refused = cases.stream().filter(c -> !c.answerable() && c.strength()[index] < threshold).count()
                        / (double) (cases.size() - answerable);
                line("| %.2f | %.3f | %.3f |", t, kept, refused);
            }
        }
    }

    private void row(String name, List<Case> cases, ToDoubleFunction<Case> score) {
        List<Double> positive = cases.stream().filter(Case::answerable).map(score::applyAsDouble).sorted().toList();
        List<Double> negative = cases.stream().filter(c -> !c.answerable()).map(score::applyAsDouble).sorted().toList();
        double auc = auc(positive, negative);
        double t95 = positive.get((int) Math.floor(positive.size() * 0.05));
        double t90 = positive.get((int) Math.floor(positive.size() * 0.10));
        line("| %s | %.3f | %.3f | %.3f | %.3f | %.3f |", name, auc, t95, share(negative, t95), t90, share(negative, t90));
    }

    private static double share(List<Double> negatives, double threshold) {
        return negatives.stream().filter(v -> v < threshold).count() / (double) negatives.size();
    }

    private static double auc(List<Double> positive, List<Double> negative) {
        long wins = 0;
        long ties = 0;
        for (double p : positive) {
            for (double n : negative) {
                if (p > n) {
                    wins++;
                } else if (p == n) {
                    ties++;
                }
            }
        }
        return (wins + ties / 2.0) / ((double) positive.size() * negative.size());
    }

    private void extractiveReport(List<Case> cases) {
        List<Case> answerable = cases.stream().filter(Case::answerable).toList();
        long withGold = answerable.stream().filter(Case::goldInSources).count();
        line("");
        line("Extractive answers on %d answerable questions (gold paragraph among the sources for %d): share whose "
                + "quoted sentences contain a gold answer string, and mean words quoted.", answerable.size(), withGold);
        line("");
        line("| variant | contains the answer | mean words |");
        line("|---|---|---|");
        for (String key : answerable.get(0).extractiveHits().keySet()) {
            double hit = answerable.stream().filter(c -> c.extractiveHits().get(key)).count() / (double) answerable.size();
            double words = answerable.stream().mapToInt(c -> c.extractiveWords().get(key)).average().orElse(0);
            line("| %s | %.3f | %.1f |", key, hit, words);
        }
    }

    private void supportReport(List<Double> positives, Map<String, List<Double>> negatives) {
        line("");
        line("Support: %d supported claims (up to twelve words around the gold answer, cited to the gold source) "
                + "against unsupported ones cited to the same source. Share marked supported / unsupported at each "
                + "threshold:", positives.size());
        line("");
        StringBuilder header = new StringBuilder("| threshold | supported claims kept |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (String kind : negatives.keySet()) {
            header.append(" ").append(kind).append(" (").append(negatives.get(kind).size()).append(") flagged |");
            rule.append("---|");
        }
        line(header.toString());
        line(rule.toString());
        for (double t = 0.40; t <= 0.851; t += 0.05) {
            double threshold = t;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %.2f | %.3f |", t,
                    positives.stream().filter(v -> v >= threshold).count() / (double) positives.size()));
            for (List<Double> values : negatives.values()) {
                row.append(String.format(Locale.ROOT, " %.3f |", share(values, threshold)));
            }
            line(row.toString());
        }
        line("");
        line("Median support: supported %.3f; %s.", median(positives), String.join("; ", negatives.entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.3f", median(e.getValue()))).toList()));
    }

    // ---------------------------------------------------------------- helpers

    private void upload(String id, String text) {
        ingestion.upload(fileName(id), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9_#-]", "_").replace('#', '-') + ".txt";
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
    }

    private static double percentile(List<Long> values, double p) {
        List<Long> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * p)));
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
