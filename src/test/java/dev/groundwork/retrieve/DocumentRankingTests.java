package dev.groundwork.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.index.Chunk;
import dev.groundwork.index.DocumentRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentRankingTests {

    private static RetrievedChunk chunk(String document, int ordinal, Integer page, double score) {
        DocumentRecord record = new DocumentRecord(document, "0".repeat(64), document, "", document + ".pdf",
                List.of(document + ".pdf"), "application/pdf", 1000, page == null ? null : 100, 50, Instant.EPOCH, "p");
        return new RetrievedChunk(record, new Chunk(ordinal, page, List.of(), 0, 4, "text"), score, 1, 1, 0.5f);
    }

    private static List<String> order(List<RetrievedChunk> ranked) {
        return ranked.stream().map(c -> c.document().id() + "#" + c.chunk().ordinal()).toList();
    }

    @Test
    void aDocumentWithSeveralGoodPassagesOutranksOneLuckyPassage() {
        List<RetrievedChunk> fused = List.of(chunk("lucky", 0, 1, 2.0), chunk("report", 0, 1, 1.8),
                chunk("report", 1, 2, 1.6), chunk("report", 2, 3, 1.5), chunk("other", 0, 1, 0.2));

        List<RetrievedChunk> ranked = DocumentRanking.rank(fused, 1.0, 1);

        // report: (1.8 + 1.6 + 1.5) / 5 = 0.98 added to each of its chunks; lucky: 2.0 / 5 = 0.4
        assertThat(order(ranked)).containsExactly("report#0", "report#1", "report#2", "lucky#0", "other#0");
        assertThat(ranked.get(0).score()).isEqualTo(1.8 + 0.98, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void withoutDocumentWeightTheFusedOrderStands() {
        List<RetrievedChunk> fused = List.of(chunk("lucky", 0, 1, 2.0), chunk("report", 0, 1, 1.8),
                chunk("report", 1, 2, 1.6));

        assertThat(order(DocumentRanking.rank(fused, 0.0, 1))).containsExactly("lucky#0", "report#0", "report#1");
    }

    @Test
    void aPageGivesASecondChunkOnlyAfterEveryOtherPageGaveOne() {
        List<RetrievedChunk> fused = List.of(chunk("report", 0, 7, 3.0), chunk("report", 1, 7, 2.9),
                chunk("report", 2, 7, 2.8), chunk("report", 3, 8, 1.0), chunk("memo", 0, 7, 0.5));

        List<RetrievedChunk> ranked = DocumentRanking.rank(fused, 0.0, 1);

        // page 7 of the memo is another page than page 7 of the report
        assertThat(order(ranked)).containsExactly("report#0", "report#3", "memo#0", "report#1", "report#2");
        assertThat(order(DocumentRanking.rank(fused, 0.0, 2)))
                .containsExactly("report#0", "report#1", "report#3", "memo#0", "report#2");
    }

    @Test
    void chunksOfFormatsWithoutPagesAreNotSpread() {
        List<RetrievedChunk> fused = List.of(chunk("notes", 0, null, 3.0), chunk("notes", 1, null, 2.0),
                chunk("other", 0, null, 1.0));

        assertThat(order(DocumentRanking.rank(fused, 0.0, 1))).containsExactly("notes#0", "notes#1", "other#0");
    }
}
