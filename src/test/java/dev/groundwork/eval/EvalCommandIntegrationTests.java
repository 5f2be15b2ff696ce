package dev.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.eval.AnswerOutcome.SentenceSupport;
import dev.groundwork.retrieve.Retrieval;
import dev.groundwork.retrieve.RetrievedChunk;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Runs the whole command, real pipeline and all, on a set made so that BM25's ranks are certain: four questions
 * name words only their gold passage holds (rank 1), one names two words of which its gold passage holds one and
 * a passage of the same length both (rank 2), one shares no word with any passage (not found), and one is
 * unanswerable (no gold). So recall@1 is 4/6, recall@3..10 5/6 and MRR@10 (4 + 1/2)/6.
 */
class EvalCommandIntegrationTests {

    @TempDir
    Path dir;

    private Path passages;
    private Path questions;

    @BeforeEach
    void writeTheSet() throws IOException {
        passages = Files.write(dir.resolve("passages.jsonl"), List.of(
                passage("p1", "First", "The zorblax harbour was built by the Venn family in a cold spring."),
                passage("p2", "Second", "Quennelfrost pastries are baked with honey and rye for winter markets."),
                passage("p3", "Third", "Admiral Tarrowind sailed north until the ice closed the strait."),
                passage("p4", "Fourth", "The plinkettle orchestra plays only on the longest night of the year."),
                passage("p5", "Fifth", "Farmers in the valley grow barley and keep goats on the slopes."),
                passage("p7", "Seventh", "The glimmerstone lies under the old mill near the river bend."),
                passage("p8", "Eighth", "The glimmerstone and moonquartz lie under the old mill near the river."),
                passage("p9", "Ninth", "Trains leave the central station every hour during the week."),
                passage("p10", "Tenth", "A library card lets readers borrow six books at a time."),
                passage("p11", "Eleventh", "Bridges over the canal were painted green last summer."),
                passage("p12", "Twelfth", "The bakery on the corner opens at dawn and closes at noon."),
                passage("p13", "Thirteenth", "Lighthouse keepers log every passing ship in a paper book.")));
        questions = Files.write(dir.resolve("questions.jsonl"), List.of(
                question("q1", "zorblax", "Venn family", "p1"),
                question("q2", "quennelfrost", "honey and rye", "p2"),
                question("q3", "Tarrowind", "ice closed the strait", "p3"),
                question("q4", "plinkettle", "longest night", "p4"),
                question("q5", "quixotic vermilion", "barley", "p5"),
                question("q6", "glimmerstone moonquartz", "river bend", "p7"),
                "{\"id\": \"q7\", \"question\": \"unknowable\", \"answers\": [], \"answerable\": false}"));
    }

    private static String passage(String id, String title, String text) {
        return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"text\": \"" + text + "\"}";
    }

    private static String question(String id, String text, String answer, String gold) {
        return "{\"id\": \"" + id + "\", \"question\": \"" + text + "\", \"answers\": [\"" + answer
                + "\"], \"gold_passage_id\": \"" + gold + "\"}";
    }

    /** Quotes the top source with one supported and one unsupported sentence; abstains with no source. */
    private static final AnswerStage QUOTER = new AnswerStage() {
        @Override
        public AnswerOutcome answer(Retrieval retrieved) {
            List<RetrievedChunk> sources = retrieved.chunks();
            if (sources.isEmpty()) {
                return AnswerOutcome.abstention();
            }
            return new AnswerOutcome(sources.get(0).chunk().text() + " Also this.", false, List.of(1),
                    List.of(new SentenceSupport(sources.get(0).chunk().text(), true), new SentenceSupport("Also this.", false)));
        }

        @Override
        public String name() {
            return "quoter";
        }
    };

    private record Run(int exitCode, String out, String err) {
    }

    private Run eval(boolean withAnswers, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        EvalCommand command = new EvalCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false,
                context -> withAnswers ? Optional.of(QUOTER) : Optional.empty());
        int code = command.execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void measuresTheFiguresKnownByConstructionAndWritesOneLinePerQuestion() throws IOException {
        Path results = dir.resolve("results");

        Run run = eval(true, "--corpus", passages.toString(), "--questions", questions.toString(),
                "--out", results.toString(), "--config", "bm25=retrieval.vector-weight=0",
                "--config", "hybrid-minmax=retrieval.fusion=min-max", "--depth", "10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        String summary = Files.readString(results.resolve("summary.md"));
        assertThat(summary).contains("| bm25 | 0.667 | 0.833 | 0.833 | 0.833 | 0.750 |");
        // Answers from the top BM25 source: q1..q4 hold the answer, q6's top source does not, q5 has no source.
        assertThat(summary).contains("| bm25 | 0.667 | 0.800 | 0.500 | 1.000 | 0.167 |");
        assertThat(run.out()).contains("indexed 12 documents");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(results.resolve("bm25.jsonl"))) {
            lines.add(JsonLines.MAPPER.readTree(line));
        }
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0).get("rank_any").asInt()).isEqualTo(1);
        assertThat(lines.get(0).get("top").get(0).get("unit").asString()).isEqualTo("p1");
        assertThat(lines.get(4).get("rank_any").isNull()).isTrue();
        assertThat(lines.get(5).get("rank_any").asInt()).isEqualTo(2);
        assertThat(lines.get(5).get("top").get(0).get("unit").asString()).isEqualTo("p8");
        assertThat(lines.get(6).get("gold_kind").asString()).isEqualTo("none");
        // The second configuration shares the index (only retrieval differs) and sees every passage by vector.
        assertThat(run.out()).contains("index reused (12 chunks)");
        assertThat(Files.readAllLines(results.resolve("hybrid-minmax.jsonl"))).hasSize(7);
    }

    @Test
    void aBadLineInTheQuestionsIsReportedWithFileAndLine() throws IOException {
        Path broken = Files.write(dir.resolve("broken.jsonl"), List.of(
                "{\"question\": \"zorblax\", \"answers\": [], \"gold_passage_id\": \"p1\"}", "{not json"));

        Run run = eval(false, "--corpus", passages.toString(), "--questions", broken.toString(),
                "--out", dir.resolve("r").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken.jsonl, line 2: not valid JSON");
    }

    @Test
    void aSettingValueTheApplicationRefusesNamesItsConfiguration() {
        Run run = eval(false, "--corpus", passages.toString(), "--questions", questions.toString(),
                "--out", dir.resolve("r").toString(), "--config", "bad=split.chunk-tokens=20,split.overlap-tokens=15");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("configuration 'bad' (split.chunk-tokens=20, split.overlap-tokens=15) cannot start");
    }

    @Test
    void aGoldPassageMissingFromTheCorpusIsAnInputError() throws IOException {
        Path typo = Files.write(dir.resolve("typo.jsonl"), List.of(
                "{\"id\": \"t\", \"question\": \"zorblax\", \"answers\": [], \"gold_passage_id\": \"p99\"}"));

        Run run = eval(false, "--corpus", passages.toString(), "--questions", typo.toString(),
                "--out", dir.resolve("r").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("question t: gold passage 'p99' is not in the corpus");
    }

    @Test
    void aFolderCorpusIsParsedAndMatchedByFileName() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(corpus.resolve("harbour.md"), "# Harbours\n\nThe zorblax harbour was built by the Venn family.");
        Files.createDirectories(corpus.resolve("food"));
        Files.writeString(corpus.resolve("food/pastry.txt"), "Quennelfrost pastries are baked with honey.");
        Files.writeString(corpus.resolve(".hidden.txt"), "zorblax zorblax zorblax");
        Path asked = Files.write(dir.resolve("files.jsonl"), List.of(
                "{\"question\": \"zorblax\", \"answers\": [\"Venn\"], \"gold_file\": \"harbour.md\"}",
                "{\"question\": \"quennelfrost\", \"answers\": [], \"gold_file\": \"food/pastry.txt\"}"));
        Path results = dir.resolve("files");

        Run run = eval(false, "--corpus", corpus.toString(), "--questions", asked.toString(), "--out",
                results.toString(), "--config", "bm25=retrieval.vector-weight=0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("corpus: 2 files");
        assertThat(Files.readString(results.resolve("summary.md"))).contains("| bm25 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |");
    }

    @Test
    void questionsOfAnotherSetAreAskedAsUnanswerableOnes() throws IOException {
        Path other = Files.write(dir.resolve("other.jsonl"), List.of(
                question("o1", "Who founded the moon colony?", "nobody", "x1"),
                question("o2", "When did the comet return?", "never", "x2"),
                question("o3", "Which river feeds the desert lake?", "none", "x3")));
        Path results = dir.resolve("foreign");

        Run run = eval(true, "--corpus", passages.toString(), "--questions", questions.toString(), "--out",
                results.toString(), "--config", "bm25=retrieval.vector-weight=0", "--unanswerable", other.toString(),
                "--unanswerable-limit", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("7 questions and 2 unanswerable ones from " + other);
        List<String> lines = Files.readAllLines(results.resolve("bm25.jsonl"));
        // taken evenly over the other set, without their gold, which names passages of another corpus
        assertThat(lines).hasSize(9);
        assertThat(lines.get(7)).contains("\"id\":\"unanswerable-o1\"", "\"gold_kind\":\"none\"");
        assertThat(lines.get(8)).contains("\"id\":\"unanswerable-o2\"");
    }

    @Test
    void followUpsMadeFromTheSetAreSearchedForWithTheirConversationAndCountedByGroup() throws IOException {
        Path pairs = Files.write(dir.resolve("pairs.jsonl"), List.of(
                question("a1", "Who built the Zorblax Harbour?", "Venn family", "p1"),
                question("a2", "In what season was the Zorblax Harbour built?", "spring", "p1"),
                question("b1", "Where did Admiral Tarrowind sail?", "north", "p3"),
                question("b2", "What stopped Admiral Tarrowind?", "ice", "p3")));
        Path results = dir.resolve("follow-ups");

        Run run = eval(false, "--corpus", passages.toString(), "--questions", pairs.toString(), "--out",
                results.toString(), "--config", "bm25=retrieval.vector-weight=0", "--follow-ups");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Retrieval by group of questions")
                .contains("| bm25 | 1 as written | 2 |").contains("| bm25 | 2 follow-up alone | 2 |")
                .contains("| bm25 | 3 follow-up after the first question | 2 | 1.000 |")
                .contains("| bm25 | 4 as written, after a question on another passage | 2 |");
        List<String> lines = Files.readAllLines(results.resolve("bm25.jsonl"));
        assertThat(lines).hasSize(8);
        assertThat(lines.get(1)).contains("\"id\":\"a2/alone\"", "\"question\":\"In what season was it built?\"");
        assertThat(lines.get(2)).contains("\"id\":\"a2/after-first\"",
                "In what season was it built? => In what season was Zorblax Harbour built?");
    }
}
