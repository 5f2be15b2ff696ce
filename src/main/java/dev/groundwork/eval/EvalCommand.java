package dev.groundwork.eval;

import dev.groundwork.eval.Gold.Kind;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import dev.groundwork.answer.AnswerService;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code groundwork eval}: measures retrieval (and answers, when an answer stage is plugged in) on a corpus
 * and a question set, for one or more configurations side by side. Each configuration runs in an application
 * context of its own over the real pipeline; nothing of the running service (its index, its ingest folder,
 * its port) is touched.
 */
public final class EvalCommand {

    private static final Logger log = LoggerFactory.getLogger(EvalCommand.class);

    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private final Function<ConfigurableApplicationContext, Optional<AnswerStage>> answerStages;

    EvalCommand(PrintStream out, PrintStream err, boolean interactive,
                Function<ConfigurableApplicationContext, Optional<AnswerStage>> answerStages) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
        this.answerStages = answerStages;
    }

    /** Runs the command line after {@code eval}; returns the process exit code. */
    public static int run(String[] args) {
        // The application's answerer (extractive, or the LLM of groundwork.llm.base-url) gives the answer metrics.
        return new EvalCommand(System.out, System.err, System.console() != null,
                context -> Optional.of(new ApplicationAnswerStage(context.getBean(AnswerService.class))))
                .execute(args);
    }

    int execute(String[] args) {
        EvalOptions options;
        try {
            options = EvalOptions.parse(args);
        } catch (EvalOptions.HelpRequested e) {
            out.print(EvalOptions.USAGE);
            return 0;
        } catch (IllegalArgumentException | EvalInputException e) {
            err.println("eval: " + e.getMessage());
            err.print(EvalOptions.USAGE);
            return 2;
        }
        try {
            return evaluate(options);
        } catch (EvalInputException | IllegalArgumentException e) {
            err.println("eval: " + e.getMessage());
            return 2;
        }
    }

    private int evaluate(EvalOptions options) {
        long started = System.nanoTime();
        Instant startedAt = Instant.now();
        // 1. read the question set and the corpus
        QuestionSet set = QuestionReader.read(options.questions());
        Corpus corpus = corpus(options, set);
        List<Question> questions = new ArrayList<>(options.limit() > 0 && options.limit() < set.questions().size()
                ? set.questions().subList(0, options.limit()) : set.questions());
        checkGold(questions, corpus);
        if (options.followUps()) {
            questions = new ArrayList<>(FollowUps.of(questions));
            if (questions.isEmpty()) {
                throw new EvalInputException(options.questions() + ": no follow-ups could be made (they need pairs of "
                        + "questions with one gold_passage_id each)");
            }
        }
        List<Question> foreign = options.foreign() == null ? List.of()
                : asUnanswerable(QuestionReader.read(options.foreign()).questions(), options.foreignLimit());
        questions.addAll(foreign);
        out.printf("Question set %s (%s): %d questions%s; corpus: %d %s%n", options.questions(), set.format(),
                questions.size() - foreign.size(), foreign.isEmpty() ? ""
                        : " and " + foreign.size() + " unanswerable ones from " + options.foreign(),
                corpus.size(), corpus instanceof Corpus.Folder ? "files" : "passages");
        // 2. measure each configuration
        List<ConfigResult> results = new ArrayList<>();
        Path workDir = null;
        try {
            Files.createDirectories(options.out());
            workDir = options.indexCache() != null ? Files.createDirectories(options.indexCache())
                    : Files.createTempDirectory("groundwork-eval-");
            QueryVectorCache cache = new QueryVectorCache();
            ConfigRunner runner = new ConfigRunner(corpus, questions, options, workDir, cache,
                    (label, total) -> new ProgressBar(err, label, total, interactive), answerStages);
            for (EvalConfig config : options.configs()) {
                out.printf("%n%s: %s%n", config.name(), config.describe());
                ConfigResult result = runner.run(config);
                out.printf("  %s; R@5 %.3f, MRR@10 %.3f%s, %.1f ms a question%n", result.index().reused()
                                ? "index reused (" + result.index().chunks() + " chunks)"
                                : "indexed " + result.index().documents() + " documents, " + result.index().chunks()
                                + " chunks in " + Math.round(result.index().seconds()) + " s",
                        result.retrieval().recallAny(5), result.retrieval().mrr10(), chunkHits(result.chunkHits()),
                        result.msPerQuestion());
                if (result.skipped() > 0) {
                    out.printf("  %d questions were refused by the retriever and count as misses (see 'error' in %s.jsonl)%n",
                            result.skipped(), config.name());
                }
                results.add(result);
            }
        } catch (IOException e) {
            throw new EvalInputException("Cannot prepare the results or index folder: " + e.getMessage(), e);
        } finally {
            if (workDir != null && options.indexCache() == null) {
                try {
                    FileTrees.delete(workDir);
                } catch (IOException e) {
                    log.warn("Cannot delete the temporary index folder {}: {}", workDir, e.getMessage());
                }
            }
        }
        // 3. report
        double seconds = (System.nanoTime() - started) / 1e9;
        String tables = Report.tables(results, set.multiGold());
        String summary = "Question set: " + options.questions() + " (" + set.format() + ", "
                + (questions.size() - foreign.size()) + " questions" + (foreign.isEmpty() ? ""
                : "; " + foreign.size() + " unanswerable ones from " + options.foreign()) + ")\nCorpus: " + (options.corpus() == null ? "the question set's own paragraphs"
                : options.corpus()) + " (" + corpus.size() + ")\nMachine: " + Report.machine() + "\nStarted "
                + startedAt + ", took " + ProgressBar.clock(Math.round(seconds)) + "\n\n" + tables;
        out.println();
        out.print(summary);
        try {
            Files.writeString(options.out().resolve("summary.md"), summary);
        } catch (IOException e) {
            throw new EvalInputException("Cannot write the summary to " + options.out() + ": " + e.getMessage(), e);
        }
        out.println("\nPer-question results: " + options.out().toAbsolutePath());
        return 0;
    }

    private static String chunkHits(ChunkHitMetrics.Scores hits) {
        if (hits.fileQuestions() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, ", doc hit@5 %.3f", hits.documentHit(5))
                + (hits.pageQuestions() == 0 ? "" : String.format(Locale.ROOT, ", page hit@5 %.3f", hits.pageHit(5)));
    }

    private static Corpus corpus(EvalOptions options, QuestionSet set) {
        if (options.corpus() != null) {
            return Files.isDirectory(options.corpus()) ? Corpus.Folder.of(options.corpus())
                    : Corpus.Passages.read(options.corpus());
        }
        if (set.passages().isEmpty()) {
            throw new EvalInputException(options.questions() + " brings no passages of its own: give --corpus");
        }
        return new Corpus.Passages(set.passages());
    }

    /**
     * Questions written for another corpus, asked as unanswerable ones: {@code limit} of them taken at even steps
     * through the set, so that they are not all about its first topic.
     */
    static List<Question> asUnanswerable(List<Question> questions, int limit) {
        List<Question> taken = new ArrayList<>();
        double step = Math.max(1.0, (double) questions.size() / limit);
        for (double i = 0; i < questions.size() && taken.size() < limit; i += step) {
            Question question = questions.get((int) i);
            taken.add(new Question("unanswerable-" + question.id(), question.text(), List.of(), Gold.NONE, false));
        }
        return taken;
    }

    /** Every gold value must exist in the corpus: a typo there would pass for a retrieval miss. */
    static void checkGold(List<Question> questions, Corpus corpus) {
        Set<String> ids = new HashSet<>();
        if (corpus instanceof Corpus.Passages passages) {
            passages.passages().forEach(passage -> ids.add(passage.id()));
        }
        for (Question question : questions) {
            Kind kind = question.gold().kind();
            for (String value : question.gold().values()) {
                boolean known = switch (kind) {
                    case PASSAGE -> corpus instanceof Corpus.Passages && ids.contains(value);
                    case FILE -> corpus instanceof Corpus.Folder folder && folder.files().stream().anyMatch(
                            file -> file.equals(value) || file.endsWith("/" + value));
                    case TEXT, NONE -> true;
                };
                if (!known) {
                    throw new EvalInputException("question " + question.id() + ": gold " + kind.name().toLowerCase()
                            + " '" + value + "' is not in the corpus"
                            + (kind == Kind.PASSAGE && corpus instanceof Corpus.Folder
                            ? " (gold_passage_id needs a passage corpus; use gold_file with a folder)" : "")
                            + (kind == Kind.FILE && corpus instanceof Corpus.Passages
                            ? " (gold_file needs a folder corpus; use gold_passage_id with passages)" : ""));
                }
            }
        }
    }
}
