package dev.groundwork.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@code eval}.
 *
 * @param corpus     a folder of files or a JSONL file of passages; null when the question set brings its own
 * @param questions  the question set (JSONL)
 * @param configs    the configurations to compare, in order
 * @param out        where per-question results and the summary go
 * @param indexCache where indexes are kept between runs, or null for a temporary folder
 * @param limit      only the first this many questions; 0 for all
 * @param depth      chunks retrieved per question, from which the top 10 documents are ranked
 * @param foreign    another question set whose questions are asked as unanswerable ones (they were written for
 *                   another corpus), or null
 * @param foreignLimit how many of those questions, spread over the set
 * @param dumpCandidates BM25 and vector candidates written per question for fusion experiments; 0 for none
 * @param answers    whether answers are measured too, or retrieval alone
 * @param followUps  whether to ask the follow-up set made from the question set ({@link FollowUps}) instead
 */
record EvalOptions(Path corpus, Path questions, List<EvalConfig> configs, Path out, Path indexCache, int limit,
                   int depth, Path foreign, int foreignLimit, int dumpCandidates,
                   boolean answers, boolean followUps) {

    static final String USAGE = """
            Usage: java -jar groundwork.jar eval --questions FILE [--corpus FOLDER|FILE.jsonl] [options]

              --questions FILE      questions, JSON Lines: {question, answers[], gold_passage_id | gold_file |
                                    gold_text, answerable?}; SQuAD-style gold_context_id and HotpotQA files
                                    (context + supporting_facts, which bring their own corpus) are read as they are
              --corpus PATH         a folder of documents (e.g. your ingest folder), or passages as JSON Lines
                                    {id, title, text}
              --config SPEC         a configuration to measure, name=key=value,key=value with groundwork.* keys,
                                    e.g. bm25=retrieval.vector-weight=0; repeat to compare side by side
                                    (default: bm25, vectors and hybrid with your settings)
              --config-file FILE    configurations, one SPEC a line (# starts a comment)
              --out FOLDER          results folder (default eval-results/<time>)
              --index-cache FOLDER  keep the indexes built, and reuse them in later runs on the same corpus
              --limit N             only the first N questions
              --depth N             chunks retrieved per question (default 20; at most retrieval.max-top-k)
              --unanswerable FILE   also ask the questions of another set, written for another corpus, as
                                    unanswerable ones (abstaining on them is right)
              --unanswerable-limit N  how many of them, taken evenly over that set (default 200)
              --dump-candidates N   write each question's first N BM25 and N vector candidates, with raw scores,
                                    to NAME.candidates.jsonl (for trying ways of fusing them)
              --no-answers          measure retrieval only (answering every question takes longer than finding)
              --follow-ups          ask follow-ups made from the set's questions (pairs on one passage, the second
                                    with its subject replaced by a pronoun or left out), alone and after the first,
                                    and report each kind apart (needs gold_passage_id)
            """;

    EvalOptions {
        configs = List.copyOf(configs);
        if (questions == null) {
            throw new IllegalArgumentException("--questions is required");
        }
        if (configs.isEmpty()) {
            throw new IllegalArgumentException("no configuration to measure");
        }
        Set<String> names = new LinkedHashSet<>();
        for (EvalConfig config : configs) {
            KnownSettings.check(config);
            if (!names.add(config.name())) {
                throw new IllegalArgumentException("configuration name '" + config.name() + "' is used twice");
            }
        }
        if (limit < 0 || depth < 10 || depth > 1000 || foreignLimit < 1 || dumpCandidates < 0) {
            throw new IllegalArgumentException("--limit must be 0 or more, --depth between 10 and 1000 and "
                    + "--unanswerable-limit 1 or more");
        }
    }

    /** bm25, vectors and hybrid, each on the settings in force. */
    static List<EvalConfig> standardConfigs() {
        return List.of(EvalConfig.parse("bm25=retrieval.vector-weight=0"),
                EvalConfig.parse("vectors=retrieval.text-weight=0"),
                EvalConfig.parse("hybrid"));
    }

    static EvalOptions parse(String[] args) {
        Path corpus = null;
        Path questions = null;
        Path out = null;
        Path cache = null;
        int limit = 0;
        int depth = 20;
        Path foreign = null;
        int foreignLimit = 200;
        int dumpCandidates = 0;
        List<EvalConfig> configs = new ArrayList<>();
        boolean answers = true;
        boolean followUps = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new HelpRequested();
            }
            if (option.equals("--no-answers")) {
                answers = false;
                continue;
            }
            if (option.equals("--follow-ups")) {
                followUps = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--corpus" -> corpus = Path.of(value);
                case "--questions" -> questions = Path.of(value);
                case "--config" -> configs.add(EvalConfig.parse(value));
                case "--config-file" -> configs.addAll(readConfigs(Path.of(value)));
                case "--out" -> out = Path.of(value);
                case "--index-cache" -> cache = Path.of(value);
                case "--limit" -> limit = number(option, value);
                case "--depth" -> depth = number(option, value);
                case "--unanswerable" -> foreign = Path.of(value);
                case "--unanswerable-limit" -> foreignLimit = number(option, value);
                case "--dump-candidates" -> dumpCandidates = number(option, value);
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        if (out == null) {
            out = Path.of("eval-results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        }
        return new EvalOptions(corpus, questions, configs.isEmpty() ? standardConfigs() : configs, out, cache, limit,
                depth, foreign, foreignLimit, dumpCandidates,
                answers, followUps);
    }

    private static List<EvalConfig> readConfigs(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new EvalInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        List<EvalConfig> configs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (!line.isEmpty()) {
                try {
                    configs.add(EvalConfig.parse(line));
                } catch (IllegalArgumentException e) {
                    throw new EvalInputException(file + ", line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        }
        return configs;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + value + "'");
        }
    }

    /** {@code --help} was asked for. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help", null, false, false);
        }
    }
}
