package dev.groundwork.ingest;

import java.util.List;

/**
 * A document cannot be deleted through the API because some of its files live in an extra source folder.
 * Groundwork never deletes files in folders it does not own, and removing only the index entry would be undone by
 * the next sync: the file must be removed there, or excluded from the source.
 */
public class DocumentInSourceException extends RuntimeException {

    private final String documentId;
    private final List<String> paths;

    public DocumentInSourceException(String documentId, List<String> paths) {
        super("Document " + documentId + " comes from a source folder (" + String.join(", ", paths)
                + "); remove the file there, or exclude it from the source, and the next sync removes it.");
        this.documentId = documentId;
        this.paths = List.copyOf(paths);
    }

    public String documentId() {
        return documentId;
    }

    public List<String> paths() {
        return paths;
    }
}
