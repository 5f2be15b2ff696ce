package dev.groundwork.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.utils.XMLReaderUtils;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What an EPUB's {@code META-INF/encryption.xml} really protects. Tika refuses an EPUB that lists any item there, after
 * reading its text; but EPUBs (many with a cover and embedded fonts, none with DRM) list their fonts there only to
 * obfuscate them, with the IDPF's or Adobe's font mangling: no password, no key, and the text is not touched. Only
 * an item under another algorithm (a real cipher) makes the book encrypted.
 */
final class EpubEncryption {

    private static final String ENCRYPTION = "META-INF/encryption.xml";
    /** Encryption files are a few lines per item; a larger one is not read. */
    private static final long MAX_BYTES = 4 << 20;
    /** Font obfuscation, which the EPUB specification keeps for fonts: not encryption. */
    private static final Set<String> OBFUSCATION = Set.of(
            "http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC");

    private EpubEncryption() {
    }

    /** Whether every item an EPUB lists as encrypted is a font it only obfuscates (false when it lists none). */
    static boolean onlyObfuscatesFonts(TikaInputStream epub) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(epub.getPath()).get()) {
            ZipArchiveEntry entry = zip.getEntry(ENCRYPTION);
            if (entry == null || entry.getSize() > MAX_BYTES) {
                return false;
            }
            Algorithms algorithms = new Algorithms();
            try (InputStream in = zip.getInputStream(entry)) {
                XMLReaderUtils.parseSAX(in, algorithms, new ParseContext());
            } catch (SAXException | TikaException e) {
                return false;
            }
            return algorithms.obfuscated > 0 && algorithms.other == 0;
        }
    }

    /** Sorts each {@code CipherReference} by the algorithm of its {@code EncryptedData}, whatever their prefix. */
    private static final class Algorithms extends DefaultHandler {
        private String algorithm;
        private int obfuscated;
        private int other;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "EncryptedData" -> algorithm = null;
                case "EncryptionMethod" -> algorithm = attributes.getValue("Algorithm");
                case "CipherReference" -> {
                    if (OBFUSCATION.contains(algorithm)) {
                        obfuscated++;
                    } else {
                        other++;
                    }
                }
                default -> {
                }
            }
        }
    }
}
