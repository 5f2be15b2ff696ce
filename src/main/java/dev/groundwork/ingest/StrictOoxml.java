package dev.groundwork.ingest;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Office files saved as "Strict Open XML" (ISO/IEC 29500 Strict): the same package as the usual ("Transitional")
 * format, its XML in other namespaces. POI refuses them ("Strict OOXML isn't currently supported"), so a strict
 * package is rewritten into a transitional one, namespace for namespace, and read as one: the text is the same.
 * Runs in a parse worker, on its file, within the limits of one parse: the parts it inflates count against the
 * compression ratio and the file size limit.
 */
final class StrictOoxml {

    private static final String STRICT = "http://purl.oclc.org/ooxml/";
    private static final String TRANSITIONAL = "http://schemas.openxmlformats.org/";
    /** {@code <area>/<name>} or {@code officeDocument/relationships/<type>}, as a strict namespace or relationship type. */
    private static final Pattern STRICT_NAME =
            Pattern.compile(Pattern.quote(STRICT) + "([A-Za-z]+)/([A-Za-z]+)(/[A-Za-z]+)?");
    /** The few names that are not the same in both forms; every other one only moves under {@code <area>/2006/}. */
    private static final Map<String, String> RENAMED = Map.of(
            "extendedProperties", "extended-properties",
            "customProperties", "custom-properties");
    private static final String PACKAGE_RELATIONSHIPS = "_rels/.rels";
    private static final String STRICT_DOCUMENT = STRICT + "officeDocument/relationships/officeDocument";

    private StrictOoxml() {
    }

    /** Whether an Office Open XML package is strict: its main document is related in the strict form. */
    static boolean isStrict(Path file) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            ZipArchiveEntry relationships = zip.getEntry(PACKAGE_RELATIONSHIPS);
            if (relationships == null || relationships.getSize() > 1 << 20) {
                return false;
            }
            try (InputStream in = zip.getInputStream(relationships)) {
                return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8).contains(STRICT_DOCUMENT);
            }
        }
    }

    /**
     * Writes the transitional form of a strict package to {@code target}.
     *
     * @param maxInflatedBytes the most bytes its parts may inflate to in all
     * @throws RejectedDocumentException with {@code EXPANDS_TOO_MUCH} past {@code maxInflatedBytes}
     */
    static void toTransitional(Path strict, Path target, long maxInflatedBytes) throws IOException {
        long inflated = 0;
        try (ZipFile zip = ZipFile.builder().setPath(strict).get();
             ZipArchiveOutputStream out = new ZipArchiveOutputStream(Files.newOutputStream(target))) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxInflatedBytes - inflated + 1));
                }
                inflated += bytes.length;
                if (inflated > maxInflatedBytes) {
                    throw new RejectedDocumentException(Reason.EXPANDS_TOO_MUCH,
                            "The document expands far beyond its size on disk (a zip bomb?).");
                }
                out.putArchiveEntry(new ZipArchiveEntry(entry.getName()));
                writePart(entry.getName(), bytes, out);
                out.closeArchiveEntry();
            }
        }
    }

    private static void writePart(String name, byte[] bytes, OutputStream out) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".xml") || lower.endsWith(".rels"))) {
            out.write(bytes);
            return;
        }
        String xml;
        try {
            xml = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            out.write(bytes); // not UTF-8 (parts may be UTF-16): left as it is, read as far as it can be
            return;
        }
        out.write(transitional(xml).getBytes(StandardCharsets.UTF_8));
    }

    /** The text with every strict namespace and relationship type in its transitional form. */
    static String transitional(String xml) {
        if (!xml.contains(STRICT)) {
            return xml;
        }
        Matcher name = STRICT_NAME.matcher(xml);
        StringBuilder result = new StringBuilder(xml.length() + 256);
        while (name.find()) {
            String area = name.group(1);
            String second = rename(name.group(2));
            String third = name.group(3) == null ? "" : "/" + rename(name.group(3).substring(1));
            name.appendReplacement(result, Matcher.quoteReplacement(TRANSITIONAL + area + "/2006/" + second + third));
        }
        name.appendTail(result);
        return result.toString();
    }

    private static String rename(String name) {
        return RENAMED.getOrDefault(name, name);
    }
}
