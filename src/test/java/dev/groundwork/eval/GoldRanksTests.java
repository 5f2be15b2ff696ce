package dev.groundwork.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.eval.Gold.Kind;
import dev.groundwork.retrieve.RetrievedChunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldRanksTests {

    private final List<RetrievedChunk> retrieved = List.of(
            RetrievedChunks.of("a", 0, "alpha one"),
            RetrievedChunks.of("a", 1, "alpha two"),
            RetrievedChunks.of("b", 0, "beta"),
            RetrievedChunks.of("c", 0, "gamma holds the answer"),
            RetrievedChunks.of("b", 1, "beta again"));

    @Test
    void passagesAreRankedOnceEachByTheirBestChunk() {
        GoldRanks ranks = GoldRanks.of(new Gold(Kind.PASSAGE, List.of("c")), retrieved);

        assertThat(ranks.units()).extracting(unit -> unit.document().fileName()).containsExactly("a", "b", "c");
        assertThat(ranks.rankAny()).isEqualTo(3);
        assertThat(ranks.rankAll()).isEqualTo(3);
    }

    @Test
    void twoGoldPassagesGiveTheFirstRankForAnyAndTheLastForAll() {
        GoldRanks ranks = GoldRanks.of(new Gold(Kind.PASSAGE, List.of("c", "a")), retrieved);

        assertThat(ranks.ranks()).containsExactly(3, 1);
        assertThat(ranks.rankAny()).isEqualTo(1);
        assertThat(ranks.rankAll()).isEqualTo(3);
    }

    @Test
    void allGoldIsNotFoundWhenOneGoldPassageIsMissing() {
        GoldRanks ranks = GoldRanks.of(new Gold(Kind.PASSAGE, List.of("b", "z")), retrieved);

        assertThat(ranks.ranks()).containsExactly(2, null);
        assertThat(ranks.rankAny()).isEqualTo(2);
        assertThat(ranks.rankAll()).isNull();
    }

    @Test
    void goldTextIsRankedByChunk() {
        GoldRanks ranks = GoldRanks.of(new Gold(Kind.TEXT, List.of("the answer")), retrieved);

        assertThat(ranks.rankAny()).isEqualTo(4);
    }

    @Test
    void goldFileMatchesItsPathOrItsName() {
        List<RetrievedChunk> files = List.of(RetrievedChunks.ofFile("reports/q1.pdf", "x"),
                RetrievedChunks.ofFile("notes/q2.txt", "y"));

        assertThat(GoldRanks.of(new Gold(Kind.FILE, List.of("notes/q2.txt")), files).rankAny()).isEqualTo(2);
        assertThat(GoldRanks.of(new Gold(Kind.FILE, List.of("q1.pdf")), files).rankAny()).isEqualTo(1);
        assertThat(GoldRanks.of(new Gold(Kind.FILE, List.of("q3.pdf")), files).rankAny()).isNull();
    }

    @Test
    void chunkRanksFindTheFirstChunkOfTheGoldFileAndTheFirstOnAGoldPage() {
        List<RetrievedChunk> chunks = List.of(RetrievedChunks.onPage("other.pdf", 3), RetrievedChunks.onPage("report.pdf", 7),
                RetrievedChunks.onPage("other.pdf", 12), RetrievedChunks.onPage("report.pdf", 12));

        ChunkRanks ranks = ChunkRanks.of(new Gold(Kind.FILE, List.of("report.pdf"), List.of(12, 13)), chunks);

        // page 12 of other.pdf is not the gold file's page 12
        assertThat(ranks).isEqualTo(new ChunkRanks(2, 4));
        assertThat(ChunkRanks.of(new Gold(Kind.FILE, List.of("report.pdf")), chunks)).isEqualTo(new ChunkRanks(2, null));
        assertThat(ChunkRanks.of(new Gold(Kind.PASSAGE, List.of("report.pdf")), chunks)).isEqualTo(ChunkRanks.NONE);
    }

    @Test
    void chunkHitsCountDocumentsOverFileQuestionsAndPagesOverThoseWithPages() {
        ChunkHitMetrics metrics = new ChunkHitMetrics();
        metrics.add(new Gold(Kind.FILE, List.of("a.pdf"), List.of(3)), new ChunkRanks(1, 4));
        metrics.add(new Gold(Kind.FILE, List.of("b.pdf"), List.of(9)), new ChunkRanks(6, null));
        metrics.add(new Gold(Kind.FILE, List.of("c.pdf")), new ChunkRanks(2, null));
        metrics.add(new Gold(Kind.PASSAGE, List.of("p")), ChunkRanks.NONE);

        ChunkHitMetrics.Scores scores = metrics.scores();

        assertThat(scores.fileQuestions()).isEqualTo(3);
        assertThat(scores.pageQuestions()).isEqualTo(2);
        assertThat(scores.documentHit(1)).isEqualTo(1.0 / 3);
        assertThat(scores.documentHit(5)).isEqualTo(2.0 / 3);
        assertThat(scores.documentHit(10)).isEqualTo(1.0);
        assertThat(scores.pageHit(3)).isZero();
        assertThat(scores.pageHit(5)).isEqualTo(0.5);
    }
}
