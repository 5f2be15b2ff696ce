package dev.groundwork.ingest;

import java.util.List;

/**
 * A document cannot be deleted on its own because it is a member of an archive or a mailbox (also): its bytes are
 * inside that container's file, and the next sync would find them there again. Deleting the container deletes it.
 */
public class DocumentInArchiveException extends RuntimeException {

    private final String documentId;
    private final List<String> paths;

    public DocumentInArchiveException(String documentId, List<String> paths) {
        super("Document " + documentId + " is inside an archive or a mailbox (" + String.join(", ", paths)
                + "); delete the archive or mailbox, and its documents go with it.");
        this.documentId = documentId;
        this.paths = List.copyOf(paths);
    }

    public String documentId() {
        return documentId;
    }

    /** The member paths that hold the document. */
    public List<String> paths() {
        return paths;
    }
}
