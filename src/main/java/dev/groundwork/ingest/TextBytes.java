package dev.groundwork.ingest;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.detect.Detector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Tells text in a single-byte charset (Latin-1, Windows-1252...) from binary data. Tika's magic detector calls a
 * short Latin-1 file binary, as it has too many bytes above 127 to look like ASCII and is not valid UTF-8, while
 * its charset detector reads it well. Binary data has NUL bytes or many control characters; such text has none.
 */
final class TextBytes {

    /** As many bytes as Tika's text detector looks at. */
    private static final int SAMPLE = 8192;
    /** Control characters allowed per hundred bytes: a stray form feed or escape, not a binary format. */
    private static final int CONTROL_PER_HUNDRED = 1;

    private TextBytes() {
    }

    /**
     * The type a detector gives the bytes alone, without the name; bytes it calls binary that look like text are
     * plain text. The stream, which must support mark, is left where it was.
     */
    static MediaType typeOfBytes(Detector detector, InputStream in) throws IOException {
        MediaType type = detector.detect(in, new Metadata()).getBaseType();
        return MediaType.OCTET_STREAM.equals(type) && looksLikeText(in) ? MediaType.TEXT_PLAIN : type;
    }

    /**
     * Whether the stream's first bytes look like text (no bytes do: the parser refuses an empty file as such); the
     * stream, which must support mark, is left where it was.
     */
    private static boolean looksLikeText(InputStream in) throws IOException {
        in.mark(SAMPLE);
        byte[] head;
        try {
            head = in.readNBytes(SAMPLE);
        } finally {
            in.reset();
        }
        int control = 0;
        for (byte b : head) {
            int c = b & 0xff;
            if (c == 0) {
                return false;
            }
            if ((c < 0x20 || c == 0x7f) && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) {
                control++;
            }
        }
        return control * 100 <= head.length * CONTROL_PER_HUNDRED;
    }
}
