package dev.groundwork.mcp;

import dev.groundwork.index.Chunk;
import dev.groundwork.index.DocumentRecord;
import java.util.List;
import java.util.Objects;

/**
 * A document's text put back together from its passages, page by page: each passage repeats the last sentences of
 * the one before, and its offsets say where it stands in its page, so what it repeats is left out. Text the splitter
 * dropped (headers and footers repeated on most pages) stays out; a gap between passages is a line break.
 */
final class DocumentText {

    private DocumentText() {
    }

    static String of(DocumentRecord document, List<Chunk> passages) {
        StringBuilder text = new StringBuilder("# ").append(document.title()).append("\n\n")
                .append(document.fileName());
        if (!document.about().isBlank()) {
            text.append(" · ").append(document.about());
        }
        text.append('\n');
        Chunk previous = null;
        for (Chunk passage : passages) {
            boolean samePage = previous != null && Objects.equals(previous.page(), passage.page());
            if (!samePage) {
                text.append(passage.page() == null ? "\n" : "\n## Page " + passage.page() + "\n\n");
                text.append(passage.text());
            } else if (passage.start() < previous.end()) {
                text.append(passage.text(), Math.min(previous.end() - passage.start(), passage.text().length()),
                        passage.text().length());
            } else {
                text.append('\n').append(passage.text());
            }
            previous = samePage && previous.end() > passage.end() ? previous : passage;
        }
        return text.append('\n').toString();
    }
}
