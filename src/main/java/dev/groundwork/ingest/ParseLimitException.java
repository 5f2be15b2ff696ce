package dev.groundwork.ingest;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import org.xml.sax.SAXException;

/**
 * A document went past a parse limit. A SAX exception, because parsers pass those on from content handlers
 * untouched, where many swallow other failures of embedded files.
 */
final class ParseLimitException extends SAXException {

    private final Reason reason;

    ParseLimitException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
