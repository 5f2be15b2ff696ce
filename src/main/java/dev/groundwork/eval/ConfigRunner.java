package dev.groundwork.eval;

import dev.groundwork.answer.Condenser;
import dev.groundwork.answer.Conversation;
import dev.groundwork.answer.Turn;
import dev.groundwork.embed.Encoder;
import dev.groundwork.eval.Gold.Kind;
import dev.groundwork.index.ChunkFilter;
import dev.groundwork.index.ChunkIndex;
import dev.groundwork.index.ServingIndex;
import dev.groundwork.ingest.DocumentPipeline;
import dev.groundwork.retrieve.InvalidQueryException;
import dev.groundwork.retrieve.Retrieval;
import dev.groundwork.retrieve.RetrievalRequest;
import dev.groundwork.retrieve.RetrievalSettings;
import dev.groundwork.retrieve.RetrievedChunk;
import dev.groundwork.retrieve.Retriever;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures one configuration: starts its application context, makes sure its index holds the corpus, asks every
 * question through the application's own retriever (and answer stage, when there is one), and writes one result
 * line per question.
 */
final class ConfigRunner {

    private static final Logger log = LoggerFactory.getLogger(ConfigRunner.class);
    private static final int TOP_IN_RESULTS = 10;
    private static final JsonMapper RESULTS = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final Corpus corpus;
    private final List<Question> questions;
    private final EvalOptions options;
    private final Path workDir;
    private final QueryVectorCache cache;
    private final ProgressBar.Factory bars;
    private final Function<ConfigurableApplicationContext, Optional<AnswerStage>> answerStages;

    ConfigRunner(Corpus corpus, List<Question> questions, EvalOptions options, Path workDir, QueryVectorCache cache,
                 ProgressBar.Factory bars, Function<ConfigurableApplicationContext, Optional<AnswerStage>> answerStages) {
        this.corpus = corpus;
        this.questions = List.copyOf(questions);
        this.options = options;
        this.workDir = workDir;
        this.cache = cache;
        this.bars = bars;
        this.answerStages = answerStages;
    }

    ConfigResult run(EvalConfig config) {
        long started = System.nanoTime();
        // Configurations that agree on everything the index depends on share one index.
        String key = HexFormat.of().formatHex(Corpus.sha256().digest((corpus.fingerprint() + "\n" + config.indexKey())
                .getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        Path home = workDir.resolve(key);
        Path marker = home.resolve("complete");
        try {
            if (!Files.exists(marker)) {
                FileTrees.delete(home);
            }
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + home, e);
        }
        try (ConfigurableApplicationContext context = start(config, home)) {
            // 1. index
            CorpusIndexer.Built built = servingIndex(context).use(index -> new CorpusIndexer(
                    context.getBean(DocumentPipeline.class), index).ensure(corpus, marker, bars));
            // 2. ask
            Retriever retriever = context.getBean(Retriever.class);
            RetrievalSettings settings = context.getBean(RetrievalSettings.class);
            Optional<AnswerStage> answerer = options.answers() ? answerStages.apply(context) : Optional.empty();
            Scored scored = ask(config, retriever, settings, answerer, context.getBean(Condenser.class));
            if (options.dumpCandidates() > 0) {
                dumpCandidates(config, context);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            log.info("Configuration {} measured on {} questions in {} s", config.name(), questions.size(),
                    Math.round(seconds));
            SortedMap<String, RetrievalMetrics.Scores> groups = new TreeMap<>();
            scored.groups().forEach((group, metrics) -> groups.put(group, metrics.scores()));
            return new ConfigResult(config, built, context.getBean(Encoder.class).modelId(),
                    scored.retrieval().scores(), scored.chunkHits().scores(), answerer.isPresent() ? scored.answers().scores() : null,
                    scored.skipped(), scored.retrievalNanos() / 1e6 / Math.max(1, questions.size()), seconds, groups);
        }
    }

    private ConfigurableApplicationContext start(EvalConfig config, Path home) {
        try {
            return EvalContexts.start(config, home.resolve("index"), home.resolve("ingest"), cache);
        } catch (RuntimeException e) {
            // A value Spring cannot bind or validate (chunk-tokens=abc, overlap too large) ends up here.
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new IllegalArgumentException("configuration '" + config.name() + "' (" + config.describe()
                    + ") cannot start: " + root.getMessage(), e);
        }
    }

    private record Scored(RetrievalMetrics retrieval, ChunkHitMetrics chunkHits, AnswerMetrics answers, int skipped,
                          long retrievalNanos, Map<String, RetrievalMetrics> groups) {
    }

    private Scored ask(EvalConfig config, Retriever retriever, RetrievalSettings settings,
                       Optional<AnswerStage> answerer, Condenser condenser) {
        RetrievalMetrics retrieval = new RetrievalMetrics();
        Map<String, RetrievalMetrics> groups = new HashMap<>();
        ChunkHitMetrics chunkHits = new ChunkHitMetrics();
        AnswerMetrics answers = new AnswerMetrics();
        int depth = Math.min(options.depth(), settings.maxTopK());
        int skipped = 0;
        long retrievalNanos = 0;
        Path file = options.out().resolve(config.name() + ".jsonl");
        ProgressBar bar = bars.create(config.name(), questions.size());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Question question : questions) {
                long started = System.nanoTime();
                Retrieval found;
                // a follow-up is searched for as the service searches for it: made standalone from its conversation
                String searched = question.history().isEmpty() ? question.text() : condenser.condense(new Conversation(
                        question.history().stream().map(asked -> new Turn(asked, "")).toList()), question.text());
                RetrievalMetrics inGroup = question.group() == null ? null
                        : groups.computeIfAbsent(question.group(), group -> new RetrievalMetrics());
                try {
                    found = retriever.retrieve(new RetrievalRequest(searched, depth, ChunkFilter.NONE));
                } catch (InvalidQueryException e) {
                    // Counted as a miss: the question was asked and nothing came back.
                    skipped++;
                    if (!question.gold().isNone()) {
                        retrieval.add(null, null);
                        if (inGroup != null) {
                            inGroup.add(null, null);
                        }
                    }
                    chunkHits.add(question.gold(), ChunkRanks.NONE);
                    write(out, new QuestionResult(config.name(), question.id(), question.text(),
                            question.gold().kind().name().toLowerCase(), question.gold().values(), List.of(), null,
                            null, ChunkRanks.NONE, List.of(), 0, null, e.getMessage()));
                    bar.step();
                    continue;
                }
                long tookNanos = System.nanoTime() - started;
                retrievalNanos += tookNanos;
                GoldRanks ranks = GoldRanks.of(question.gold(), found.chunks());
                if (!question.gold().isNone()) {
                    retrieval.add(ranks.rankAny(), ranks.rankAll());
                    if (inGroup != null) {
                        inGroup.add(ranks.rankAny(), ranks.rankAll());
                    }
                }
                ChunkRanks chunkRanks = ChunkRanks.of(question.gold(), found.chunks());
                chunkHits.add(question.gold(), chunkRanks);
                QuestionResult.Answer answer = null;
                if (answerer.isPresent()) {
                    Retrieval given = found.top(settings.topK());
                    List<RetrievedChunk> sources = given.chunks();
                    AnswerOutcome outcome = answerer.get().answer(given);
                    AnswerMetrics.Judgement judged = answers.add(question, sources, outcome);
                    answer = new QuestionResult.Answer(outcome.text(), outcome.abstained(), outcome.evidence(),
                            outcome.citations(),
                            judged.containsAnswer(), judged.citationsWithAnswer(), judged.sentences(),
                            judged.unsupported());
                }
                write(out, new QuestionResult(config.name(), question.id(), searched.equals(question.text())
                        ? question.text() : question.text() + " => " + searched,
                        question.gold().kind().name().toLowerCase(), question.gold().values(), ranks.ranks(),
                        ranks.rankAny(), ranks.rankAll(), chunkRanks, top(question.gold(), ranks), tookNanos / 1e6,
                        answer, null));
                bar.step();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        bar.finish();
        return new Scored(retrieval, chunkHits, answers, skipped, retrievalNanos, groups);
    }

    private void dumpCandidates(EvalConfig config, ConfigurableApplicationContext context) {
        ServingIndex<ChunkIndex> serving = servingIndex(context);
        ChunkIndex index = serving.acquire();
        try (CandidateDump dump = new CandidateDump(index, context.getBean(Encoder.class),
                options.dumpCandidates(), options.out().resolve(config.name() + ".candidates.jsonl"))) {
            questions.forEach(dump::write);
        } finally {
            serving.release(index);
        }
    }

    @SuppressWarnings("unchecked")
    private static ServingIndex<ChunkIndex> servingIndex(ConfigurableApplicationContext context) {
        return context.getBean(ServingIndex.class);
    }

    private static List<QuestionResult.Hit> top(Gold gold, GoldRanks ranks) {
        List<QuestionResult.Hit> top = new ArrayList<>();
        for (int i = 0; i < Math.min(TOP_IN_RESULTS, ranks.units().size()); i++) {
            RetrievedChunk unit = ranks.units().get(i);
            boolean isGold = gold.values().stream().anyMatch(value -> GoldRanks.matches(gold.kind(), value, unit));
            top.add(new QuestionResult.Hit(i + 1, GoldRanks.name(gold.kind() == Kind.NONE ? Kind.PASSAGE : gold.kind(), unit),
                    unit.document().title(), unit.chunk().ordinal(), unit.chunk().page(), unit.score(),
                    unit.textRank(), unit.vectorRank(), unit.similarity(), isGold));
        }
        return top;
    }

    private static void write(BufferedWriter out, QuestionResult result) throws IOException {
        out.write(RESULTS.writeValueAsString(result));
        out.write('\n');
    }
}
