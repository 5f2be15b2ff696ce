package dev.groundwork.ingest;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.IngestionService.Change;
import java.util.Objects;

/**
 * What became of one member of a container: the document it is now (new, or the same bytes known already), or why it
 * was not read.
 *
 * @param name     its name in the container ({@code inner/report.pdf})
 * @param document the document, or null when the member was refused
 * @param change   what its write did, or null when it was refused
 * @param refusal  why it was not read, or null
 */
public record MemberOutcome(String name, DocumentRecord document, Change change, Refusal refusal) {

    public MemberOutcome {
        Objects.requireNonNull(name, "name");
        if ((document == null) == (refusal == null)) {
            throw new IllegalArgumentException("a member is either a document or refused: " + name);
        }
    }

    static MemberOutcome of(String name, DocumentRecord document, Change change) {
        return new MemberOutcome(name, document, change, null);
    }

    static MemberOutcome refused(String name, Refusal refusal) {
        return new MemberOutcome(name, null, null, refusal);
    }
}
