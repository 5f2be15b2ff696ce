package dev.groundwork.ingest;

import static org.apache.tika.sax.XHTMLContentHandler.XHTML;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.CorruptedFileException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.AutoDetectParserConfig;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

/**
 * Reads attachments and embedded files like Tika's own extractor, under the guard's depth and count limits, and
 * only those of a type {@link DocumentTypes} allows: an attachment is checked like a file of its own (a video,
 * an image or an executable inside an e-mail or a DOCX is never handed to a parser). A damaged or encrypted
 * attachment is skipped, so the rest of an e-mail is still read; a limit passed inside one (a zip bomb in an
 * attachment) refuses the whole document, where Tika's extractor would swallow it.
 */
final class GuardedEmbeddedExtractor implements EmbeddedDocumentExtractor {

    private static final Logger log = LoggerFactory.getLogger(GuardedEmbeddedExtractor.class);

    private final ParseGuard guard;
    private final Parser parser;
    private final Detector detector;
    private final ParseContext context;

    /**
     * @param parser a parser made by {@link #readingCheckedTypes}: the type checked is the type read
     */
    GuardedEmbeddedExtractor(ParseGuard guard, Parser parser, Detector detector, ParseContext context) {
        this.guard = guard;
        this.parser = parser;
        this.detector = detector;
        this.context = context;
    }

    /**
     * A parser of attachments and embedded files that takes their type from the metadata, where this extractor puts the
     * type it checked, instead of detecting it again (a container's declared type could steer detection elsewhere).
     * Auto-detecting all the same, so Tika's own guard (compression ratio, element depth) wraps each of them.
     */
    static AutoDetectParser readingCheckedTypes(Parser parsers, AutoDetectParserConfig config) {
        AutoDetectParser parser = new AutoDetectParser(
                (input, metadata) -> MediaType.parse(metadata.get(Metadata.CONTENT_TYPE)), parsers);
        parser.setAutoDetectParserConfig(config);
        return parser;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return guard.tripped() == null;
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        guard.enterEmbedded();
        try (TikaInputStream in = TikaInputStream.get(CloseShieldInputStream.wrap(stream))) {
            MediaType type = DocumentTypes.ofEmbedded(detector, in, metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY));
            if (!DocumentTypes.isReadWhenEmbedded(type)) {
                log.debug("Skipped an embedded file of type {}: not a document type", type);
                return;
            }
            metadata.set(Metadata.CONTENT_TYPE, type.toString());
            // Marked even where the caller wants no HTML: the structure handler needs to know where an
            // attachment starts and ends, so its pages and headings stay its own.
            handler.startElement(XHTML, "div", "div", entryAttributes(metadata));
            try {
                parser.parse(in, new EmbeddedContentHandler(new BodyContentHandler(handler)), metadata, context);
            } catch (CorruptedFileException e) {
                throw new IOException(e); // Tika stops here too: some damaged formats loop forever otherwise
            } catch (TikaException e) {
                ParseFailures.throwIfLimit(guard, e);
                log.debug("Skipped an embedded file that cannot be read: {}", e.getMessage());
            }
            guard.check();
            handler.endElement(XHTML, "div", "div");
        } finally {
            guard.leaveEmbedded();
        }
    }

    /** {@code class="package-entry"}, and the attachment's name as {@code title} to label its passages. */
    private static AttributesImpl entryAttributes(Metadata metadata) {
        AttributesImpl attributes = new AttributesImpl();
        attributes.addAttribute("", "class", "class", "CDATA", "package-entry");
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (name != null) {
            attributes.addAttribute("", "title", "title", "CDATA", name);
        }
        return attributes;
    }
}
