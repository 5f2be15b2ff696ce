package dev.groundwork.ingest;

import java.nio.file.Path;

/** Reads a file into text with its structure (pages, headings, paragraphs). */
public interface DocumentParser {

    /**
     * Parses a file. The content type is detected from its bytes; {@code fileName} is only a hint for formats
     * the bytes cannot tell apart (Markdown from plain text).
     *
     * @throws RejectedDocumentException when the file is of an unsupported type, damaged, encrypted or has no text
     */
    ParsedDocument parse(Path file, String fileName);

    /** Identifies parser settings that change the text it produces, for the pipeline signature. */
    String signature();
}
