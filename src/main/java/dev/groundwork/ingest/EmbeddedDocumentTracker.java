package dev.groundwork.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Parses attachments and embedded documents as Tika would, telling the structure handler where each one
 * begins and ends: Tika's XHTML only marks the start, so without this an attachment's pages would be
 * counted as pages of the document that holds it.
 */
final class EmbeddedDocumentTracker implements EmbeddedDocumentExtractor {

    private final EmbeddedDocumentExtractor delegate;
    private final XhtmlStructureHandler structure;

    EmbeddedDocumentTracker(EmbeddedDocumentExtractor delegate, XhtmlStructureHandler structure) {
        this.delegate = delegate;
        this.structure = structure;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return delegate.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        structure.enterEmbedded(metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY));
        try {
            delegate.parseEmbedded(stream, handler, metadata, outputHtml);
        } finally {
            structure.exitEmbedded();
        }
    }
}
