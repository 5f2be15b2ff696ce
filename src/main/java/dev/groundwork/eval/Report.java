package dev.groundwork.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Lays out the results of all configurations side by side, as Markdown tables a README can take as they are. */
final class Report {

    private Report() {
    }

    static String tables(List<ConfigResult> results, boolean multiGold) {
        StringBuilder out = new StringBuilder();
        int questions = results.isEmpty() ? 0 : results.get(0).retrieval().questions();
        out.append("Retrieval: ").append(multiGold ? "any gold unit" : "the gold unit").append(" in the top k, ")
                .append(questions).append(" questions\n\n");
        out.append("| config | R@1 | R@3 | R@5 | R@10 | MRR@10 | ms/q | chunks | index s | settings |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (ConfigResult result : results) {
            RetrievalMetrics.Scores s = result.retrieval();
            out.append(row(result.config().name(), f(s.recallAny(1)), f(s.recallAny(3)), f(s.recallAny(5)),
                    f(s.recallAny(10)), f(s.mrr10()), String.format(Locale.ROOT, "%.1f", result.msPerQuestion()),
                    Long.toString(result.index().chunks()),
                    result.index().reused() ? "reused" : String.format(Locale.ROOT, "%.0f", result.index().seconds()),
                    result.config().describe()));
        }
        if (results.stream().anyMatch(result -> !result.groups().isEmpty())) {
            out.append("\nRetrieval by group of questions\n\n");
            out.append("| config | group | questions | R@1 | R@3 | R@5 | R@10 | MRR@10 |\n|---|---|---|---|---|---|---|---|\n");
            for (ConfigResult result : results) {
                result.groups().forEach((group, s) -> out.append(row(result.config().name(), group,
                        Integer.toString(s.questions()), f(s.recallAny(1)), f(s.recallAny(3)), f(s.recallAny(5)),
                        f(s.recallAny(10)), f(s.mrr10()))));
            }
        }
        if (multiGold) {
            out.append("\nRetrieval: all gold units in the top k\n\n");
            out.append("| config | R@1 | R@3 | R@5 | R@10 |\n|---|---|---|---|---|\n");
            for (ConfigResult result : results) {
                RetrievalMetrics.Scores s = result.retrieval();
                out.append(row(result.config().name(), f(s.recallAll(1)), f(s.recallAll(3)), f(s.recallAll(5)),
                        f(s.recallAll(10))));
            }
        }
        int fileQuestions = results.isEmpty() ? 0 : results.get(0).chunkHits().fileQuestions();
        if (fileQuestions > 0) {
            int pageQuestions = results.get(0).chunkHits().pageQuestions();
            out.append("\nPassages: a chunk of the gold file (doc) and of a gold page (page) among the top k chunks, ")
                    .append(fileQuestions).append(" questions").append(pageQuestions > 0
                            ? ", " + pageQuestions + " with gold pages" : "").append("\n\n");
            out.append("| config | doc@1 | doc@3 | doc@5 | doc@10 | page@1 | page@3 | page@5 | page@10 |\n");
            out.append("|---|---|---|---|---|---|---|---|---|\n");
            for (ConfigResult result : results) {
                ChunkHitMetrics.Scores h = result.chunkHits();
                out.append(row(result.config().name(), f(h.documentHit(1)), f(h.documentHit(3)), f(h.documentHit(5)),
                        f(h.documentHit(10)), pages(h, 1), pages(h, 3), pages(h, 5), pages(h, 10)));
            }
        }
        if (results.stream().anyMatch(result -> result.answers() != null)) {
            out.append("\nAnswers\n\n");
            out.append("| config | containment | citation precision | unsupported sentences | abstained, unanswerable "
                    + "| abstained, answerable |\n|---|---|---|---|---|---|\n");
            for (ConfigResult result : results) {
                AnswerMetrics.Scores a = result.answers();
                if (a != null) {
                    out.append(row(result.config().name(), f(a.containment()), f(a.citationPrecision()),
                            f(a.unsupportedRate()), f(a.abstentionUnanswerable()), f(a.abstentionAnswerable())));
                }
            }
        }
        return out.toString();
    }

    private static String pages(ChunkHitMetrics.Scores hits, int cutoff) {
        return hits.pageQuestions() == 0 ? "-" : f(hits.pageHit(cutoff));
    }

    static String machine() {
        String cpu = "unknown processor";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the processor stays unnamed
        }
        return String.format(Locale.ROOT, "%s, %d cores, %s %s; JDK %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.vendor"));
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String f(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
