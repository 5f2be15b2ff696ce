package dev.groundwork.ingest;

import dev.groundwork.index.DocumentRecord;
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
 * for a file and for everything attached to or embedded in it. Containers (archives and mailboxes) are read as the
 * documents they hold, each member checked as a file of its own ({@link ContainerReader}); attached to a document,
 * an archive is opened and its entries read into that document. The parsers that read these types, and no others,
 * are listed in {@value #TIKA_CONFIG}.
 */
final class DocumentTypes {

    /** Tika's configuration: the parsers of document types, none that runs a program. */
    static final String TIKA_CONFIG = "groundwork-tika-config.xml";

    private static final Set<String> DOCUMENTS = Set.of(
            "application/pdf", "application/rtf", "application/epub+zip", "application/xhtml+xml",
            "message/rfc822", "application/vnd.ms-outlook",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.ms-word.document.macroenabled.12", "application/vnd.ms-excel.sheet.macroenabled.12",
            "application/vnd.ms-excel.sheet.binary.macroenabled.12",
            "application/vnd.ms-powerpoint.presentation.macroenabled.12", "application/vnd.ms-tnef",
            "message/x-emlx", "multipart/related", "application/xml", "application/json", "application/onenote",
            "image/svg+xml");
    private static final List<String> DOCUMENT_FAMILIES = List.of(
            "application/vnd.openxmlformats-officedocument.", "application/vnd.oasis.opendocument.");
    /** Archives and compressed files Tika opens with the Apache Commons Compress (RAR needs a parser of another licence). */
    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/gzip", "application/x-gzip",
            "application/x-tar", "application/x-gtar", "application/x-bzip2", "application/x-xz",
            "application/x-7z-compressed", "application/x-compress", "application/x-cpio", "application/x-lzma");
    /** Compressed files: one member, which is named like the file without its suffix. */
    private static final Set<String> COMPRESSED = Set.of("application/gzip", "application/x-gzip",
            "application/x-bzip2", "application/x-xz", "application/x-compress", "application/x-lzma");
    /** Mailboxes: each message a member. */
    private static final Set<String> MAILBOXES = Set.of("application/mbox", "application/vnd.ms-outlook-pst");
    /** A message of a PST file, which Tika reads in place (it has no bytes of its own). */
    static final String PST_MESSAGE = "application/x-tika-pst-mail-item";

    private DocumentTypes() {
    }

    /** Whether a file of this type is read: a document format, or text of any kind. */
    static boolean isDocument(MediaType type) {
        String name = type.getBaseType().toString();
        return DOCUMENTS.contains(name) || "text".equals(type.getType())
                || DOCUMENT_FAMILIES.stream().anyMatch(name::startsWith);
    }

    /** Whether an attachment or embedded file of this type is read: a document, or a container of them. */
    static boolean isReadWhenEmbedded(MediaType type) {
        return isDocument(type) || isContainer(type);
    }

    /** Whether a file of this type is read as the documents it holds: an archive, a compressed file, a mailbox. */
    static boolean isContainer(MediaType type) {
        String name = type.getBaseType().toString();
        return ARCHIVES.contains(name) || MAILBOXES.contains(name);
    }

    /** Whether an indexed document is a container: its record holds no passages, its members do. */
    static boolean isContainer(DocumentRecord record) {
        return record.chunks() == 0 && isContainer(MediaType.parse(record.contentType()));
    }

    /** Whether a container only compresses one file (gzip, bzip2, xz...): it adds no level to its members' names. */
    static boolean isCompressedFile(MediaType type) {
        return COMPRESSED.contains(type.getBaseType().toString());
    }

    /** Whether a container is a mailbox: its members are messages. */
    static boolean isMailbox(MediaType type) {
        return MAILBOXES.contains(type.getBaseType().toString());
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
