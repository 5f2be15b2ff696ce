package dev.groundwork.ingest;

/**
 * What reading a file gave: one document, or the documents a container (an archive, a mailbox) holds, each read as
 * if it had come alone.
 */
public sealed interface ParsedFile permits ParsedDocument, ParsedContainer {

    /** The file's type, told from its bytes. */
    String contentType();
}
