package dev.groundwork.eval;

import dev.groundwork.embed.Encoder;
import dev.groundwork.index.ChunkFilter;
import dev.groundwork.index.ChunkHit;
import dev.groundwork.index.ChunkSearch;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes each question's BM25 and vector candidates, with their raw scores, documents and pages, to
 * {@code NAME.candidates.jsonl} ({@code --dump-candidates N}): what fusion works from, so that ways of fusing can
 * be tried on the lists as they are, without indexing again.
 */
final class CandidateDump implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    /** One candidate: its document (as {@link GoldRanks#name} names it), chunk, page and the list's score. */
    record Candidate(String unit, String documentId, int chunk, Integer page, float score, int length) {
    }

    private record Line(String id, String question, String goldKind, List<String> gold, List<Integer> goldPages,
                        boolean answerable, List<Candidate> text, List<Candidate> vector) {
    }

    private final ChunkSearch index;
    private final Encoder encoder;
    private final int depth;
    private final BufferedWriter out;
    private final Path file;

    CandidateDump(ChunkSearch index, Encoder encoder, int depth, Path file) {
        this.index = index;
        this.encoder = encoder;
        this.depth = depth;
        this.file = file;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    void write(Question question) {
        List<Candidate> text = candidates(index.searchText(question.text(), depth, ChunkFilter.NONE));
        List<Candidate> vector = index.vectorsComparable()
                ? candidates(index.searchVector(encoder.embedQuery(question.text()), depth, ChunkFilter.NONE))
                : List.of();
        Gold gold = question.gold();
        try {
            out.write(JSON.writeValueAsString(new Line(question.id(), question.text(), gold.kind().name().toLowerCase(),
                    gold.values(), gold.pages(), question.answerable(), text, vector)));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static List<Candidate> candidates(List<ChunkHit> hits) {
        return hits.stream().map(hit -> new Candidate(
                hit.document().paths().isEmpty() ? hit.document().fileName() : hit.document().paths().get(0),
                hit.document().id(), hit.chunk().ordinal(), hit.chunk().page(), hit.score(), hit.chunk().text().length()))
                .toList();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
