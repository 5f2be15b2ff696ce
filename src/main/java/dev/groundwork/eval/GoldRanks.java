package dev.groundwork.eval;

import dev.groundwork.eval.Gold.Kind;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.retrieve.RetrievedChunk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a question's gold units turn up in what was retrieved. Passages and files are ranked as documents (a
 * document's first chunk gives its rank, so a passage cut in two is counted once); a gold text is ranked by
 * chunk.
 *
 * @param units    the ranked units, best first, as documents or chunks
 * @param ranks    the rank from 1 of each gold value, in the order of the gold, or null when not retrieved
 * @param rankAny  the best rank of any gold unit, or null
 * @param rankAll  the rank at which every gold unit has been seen, or null
 */
record GoldRanks(List<RetrievedChunk> units, List<Integer> ranks, Integer rankAny, Integer rankAll) {

    GoldRanks {
        units = List.copyOf(units);
        ranks = Collections.unmodifiableList(new ArrayList<>(ranks));
    }

    static GoldRanks of(Gold gold, List<RetrievedChunk> retrieved) {
        List<RetrievedChunk> units = gold.kind() == Kind.TEXT ? retrieved : byDocument(retrieved);
        List<Integer> ranks = new ArrayList<>(gold.values().size());
        Integer any = null;
        int all = 0;
        boolean allFound = !gold.values().isEmpty();
        for (String value : gold.values()) {
            Integer rank = null;
            for (int i = 0; i < units.size() && rank == null; i++) {
                if (matches(gold.kind(), value, units.get(i))) {
                    rank = i + 1;
                }
            }
            ranks.add(rank);
            if (rank == null) {
                allFound = false;
            } else {
                any = any == null ? rank : Math.min(any, rank);
                all = Math.max(all, rank);
            }
        }
        return new GoldRanks(units, ranks, any, allFound ? all : null);
    }

    private static List<RetrievedChunk> byDocument(List<RetrievedChunk> retrieved) {
        Map<String, RetrievedChunk> first = new LinkedHashMap<>();
        for (RetrievedChunk chunk : retrieved) {
            first.putIfAbsent(chunk.document().id(), chunk);
        }
        return new ArrayList<>(first.values());
    }

    static boolean matches(Kind kind, String value, RetrievedChunk unit) {
        DocumentRecord document = unit.document();
        return switch (kind) {
            case PASSAGE -> document.fileName().equals(value);
            case FILE -> document.fileName().equals(value) || document.paths().stream()
                    .anyMatch(path -> path.equals(value) || path.endsWith("/" + value));
            case TEXT -> TextMatch.contains(unit.chunk().text(), value);
            case NONE -> false;
        };
    }

    /** How a unit is named in the per-question results: its passage id or path, and the chunk for a text gold. */
    static String name(Kind kind, RetrievedChunk unit) {
        DocumentRecord document = unit.document();
        String name = document.paths().isEmpty() ? document.fileName() : document.paths().get(0);
        return kind == Kind.TEXT ? name + "#" + unit.chunk().ordinal() : name;
    }
}
