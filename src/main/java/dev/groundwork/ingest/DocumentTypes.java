package dev.groundwork.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.xml.sax.SAXException;

/**
 * What Groundwork reads: document formats, never images, audio, video, fonts or executables. One allowlist decides
 * for a file and for everything attached to or embedded in it; archives, never read on their own, are opened when
 * attached, and each of their entries is checked in turn. The parsers that read these types, and no others, are
 * listed in {@value #TIKA_CONFIG}.
 */
final class DocumentTypes {

    /** Tika's configuration: the parsers of document types, none that runs a program. */
    static final String TIKA_CONFIG = "groundwork-tika-config.xml";

    private static final Set<String> DOCUMENTS = Set.of(
            "application/pdf", "application/rtf", "application/epub+zip", "application/xhtml+xml",
            "message/rfc822", "application/vnd.ms-outlook", "application/mbox",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.ms-word.document.macroenabled.12", "application/vnd.ms-excel.sheet.macroenabled.12",
            "application/vnd.ms-excel.sheet.binary.macroenabled.12",
            "application/vnd.ms-powerpoint.presentation.macroenabled.12", "application/vnd.ms-tnef",
            "message/x-emlx", "multipart/related", "application/xml", "application/json");
    private static final List<String> DOCUMENT_FAMILIES = List.of(
            "application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument.");
    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/gzip", "application/x-gzip",
            "application/x-tar", "application/x-bzip2", "application/x-xz");

    private DocumentTypes() {
    }

    /** Whether a file of this type is read: a document format, or text of any kind. */
    static boolean isDocument(MediaType type) {
        String name = type.getBaseType().toString();
        return DOCUMENTS.contains(name) || "text".equals(type.getType())
                || DOCUMENT_FAMILIES.stream().anyMatch(name::startsWith);
    }

    /** Whether an attachment or embedded file of this type is read: a document, or an archive of them. */
    static boolean isReadWhenEmbedded(MediaType type) {
        return isDocument(type) || ARCHIVES.contains(type.getBaseType().toString());
    }

    /**
     * The type of an attachment or embedded file, as a file's is told: from its bytes, its name only refining what the
     * bytes say, never from the type its container declares. Bytes named like text that are binary are binary. The
     * stream, which must support mark, is left where it was.
     */
    static MediaType ofEmbedded(Detector detector, TikaInputStream in, String name) throws IOException {
        Metadata named = new Metadata();
        if (name != null) {
            named.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        MediaType type = detector.detect(in, named).getBaseType();
        if ("text".equals(type.getType()) && MediaType.OCTET_STREAM.equals(TextBytes.typeOfBytes(detector, in))) {
            return MediaType.OCTET_STREAM;
        }
        return type;
    }

    /** Tika's configuration, read once. */
    static TikaConfig tikaConfig() {
        return ConfigHolder.CONFIG;
    }

    private static final class ConfigHolder {
        static final TikaConfig CONFIG = load();

        private static TikaConfig load() {
            try (InputStream in = DocumentTypes.class.getClassLoader().getResourceAsStream(TIKA_CONFIG)) {
                if (in == null) {
                    throw new IllegalStateException(TIKA_CONFIG + " is missing from the class path");
                }
                return new TikaConfig(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + TIKA_CONFIG, e);
            } catch (TikaException | SAXException e) {
                throw new IllegalStateException("Cannot load " + TIKA_CONFIG, e);
            }
        }
    }
}
