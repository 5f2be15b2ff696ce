package dev.groundwork.ingest;

/** No document has this id. */
public class DocumentNotFoundException extends RuntimeException {

    public DocumentNotFoundException(String id) {
        super("No document has the id '" + id + "'.");
    }
}
