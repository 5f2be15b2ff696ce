package dev.groundwork.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.XHTMLContentHandler;
import org.apache.tika.utils.XMLReaderUtils;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The words of an SVG drawing: its title, its description and its text elements, one paragraph each, in document
 * order. Nothing else of the drawing is read: not its shapes, not its scripts or styles, not its embedded images. The
 * XML is read by Tika's hardened parser (no external entities, the entity expansion limit).
 */
public final class SvgTextParser implements Parser {

    private static final MediaType SVG = MediaType.image("svg+xml");
    /** Elements whose characters are the drawing's words. */
    private static final Set<String> WORDS = Set.of("title", "desc", "text");

    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        return Set.of(SVG);
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        metadata.set(Metadata.CONTENT_TYPE, SVG.toString());
        XHTMLContentHandler xhtml = new XHTMLContentHandler(handler, metadata);
        xhtml.startDocument();
        Words words = new Words(xhtml, metadata);
        XMLReaderUtils.parseSAX(CloseShieldInputStream.wrap(stream), words, context);
        xhtml.endDocument();
    }

    /**
     * Writes the characters inside {@link #WORDS} elements as paragraphs (a {@code tspan} or {@code textPath} inside a
     * {@code text} stays in its paragraph); the first title of the drawing itself becomes the document's title.
     */
    private static final class Words extends DefaultHandler {
        private final XHTMLContentHandler xhtml;
        private final Metadata metadata;
        private final StringBuilder paragraph = new StringBuilder();
        private int depth;
        private int wordsDepth;
        private boolean rootTitle;

        Words(XHTMLContentHandler xhtml, Metadata metadata) {
            this.xhtml = xhtml;
            this.metadata = metadata;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            depth++;
            if (wordsDepth == 0 && WORDS.contains(localName)) {
                wordsDepth = depth;
                rootTitle = depth == 2 && "title".equals(localName) && metadata.get(TikaCoreProperties.TITLE) == null;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (wordsDepth > 0) {
                paragraph.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if (depth-- == wordsDepth) {
                wordsDepth = 0;
                String text = paragraph.toString().strip();
                paragraph.setLength(0);
                if (!text.isEmpty()) {
                    if (rootTitle) {
                        metadata.set(TikaCoreProperties.TITLE, text);
                    }
                    xhtml.element("p", text);
                }
            }
        }
    }
}
