package dev.groundwork.ingest;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.DocumentPipeline.PreparedDocument;

/** A file made ready for the index: one document, or a container with its members. */
public sealed interface Prepared permits PreparedDocument, PreparedContainer {

    /** The document's record, or the container's (which holds no passages of its own). */
    DocumentRecord record();
}
