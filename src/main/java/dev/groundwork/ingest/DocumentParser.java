package dev.groundwork.ingest;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.nio.file.Path;

/** Reads a file into text with its structure (pages, headings, paragraphs), or into the documents it holds. */
public interface DocumentParser {

    /**
     * Reads a file: one document, or a container (an archive, a mailbox) of documents, each member read as if it had
     * come alone. The content type is detected from the bytes; {@code fileName} is only a hint for formats the bytes
     * cannot tell apart (Markdown from plain text).
     *
     * @throws RejectedDocumentException when the file is of an unsupported type, damaged, encrypted or has no text, or
     *                                   a container passes its limits as a whole
     */
    ParsedFile read(Path file, String fileName);

    /**
     * Parses a file that must be one document: a container is refused with {@code UNSUPPORTED_TYPE}.
     *
     * @throws RejectedDocumentException as {@link #read} does
     */
    default ParsedDocument parse(Path file, String fileName) {
        ParsedFile read = read(file, fileName);
        if (read instanceof ParsedDocument document) {
            return document;
        }
        throw new RejectedDocumentException(Reason.UNSUPPORTED_TYPE, "Files of type " + read.contentType()
                + " hold documents, and are read only as the documents they hold.");
    }

    /** Identifies parser settings that change the text it produces, for the pipeline signature. */
    String signature();

    /** How this parser reads scans; its part of the signature of documents that have pages without text. */
    default OcrOptions ocr() {
        return OcrOptions.OFF;
    }
}
