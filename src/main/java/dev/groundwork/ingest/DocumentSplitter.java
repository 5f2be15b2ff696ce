package dev.groundwork.ingest;

import java.util.List;

/** Cuts a parsed document into chunks that each fit the encoder's window. */
public interface DocumentSplitter {

    List<PreparedChunk> split(ParsedDocument document);

    /** Identifies the settings that change the chunks, for the pipeline signature. */
    String signature();
}
