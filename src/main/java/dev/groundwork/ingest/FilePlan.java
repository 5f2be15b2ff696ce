package dev.groundwork.ingest;

import dev.groundwork.index.DocumentRecord;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a file of a source folder needs, decided in one place ({@link #of}) for the sync's look at the file and again
 * for the write, under the document's lock: nothing, a new path for bytes already indexed, or making its document.
 */
public sealed interface FilePlan {

    /** Its bytes are indexed at this path under the current pipeline: nothing to do. */
    record Unchanged(DocumentRecord document) implements FilePlan {
        public Unchanged {
            Objects.requireNonNull(document, "document");
        }
    }

    /** Its bytes are indexed under the current pipeline, but not at this path: the path joins that document. */
    record NewPath(DocumentRecord document) implements FilePlan {
        public NewPath {
            Objects.requireNonNull(document, "document");
        }
    }

    /** New or changed bytes, or bytes made by another pipeline: parse, split and embed them. */
    record Make() implements FilePlan {
    }

    /**
     * The plan for a file.
     *
     * @param path     the file's recorded path
     * @param facts    the identity of its bytes
     * @param holding  the document that holds the path, when one does
     * @param byBytes  the document of these bytes, if indexed: looked up only when {@code holding} does not settle it
     * @param current  whether a document is what the configured pipeline would make ({@link DocumentPipeline#isCurrent})
     */
    static FilePlan of(String path, FileFacts facts, DocumentRecord holding,
                       Supplier<Optional<DocumentRecord>> byBytes, Predicate<DocumentRecord> current) {
        if (holding != null && holding.sha256().equals(facts.sha256()) && current.test(holding)
                && holding.paths().contains(path)) {
            return new Unchanged(holding);
        }
        Optional<DocumentRecord> known = byBytes.get();
        if (known.isPresent() && current.test(known.get())) {
            return new NewPath(known.get());
        }
        return new Make();
    }
}
