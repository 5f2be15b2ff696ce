package dev.groundwork.ingest;

import java.util.List;

/** Cuts a parsed document into chunks that each fit the encoder's window. */
public interface DocumentSplitter {

    /** Splits a document whose chunks each lead with the given identity in the text the encoder sees. */
    List<PreparedChunk> split(ParsedDocument document, DocumentIdentity identity);

    /** Identifies the settings that change the chunks, for the pipeline signature. */
    String signature();
}
