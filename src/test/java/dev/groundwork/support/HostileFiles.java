package dev.groundwork.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Hostile files made on the fly: bombs, deep nesting, damage, lies. Each is small on disk and built in well
 * under a second, so tests can make them freely.
 */
public final class HostileFiles {

    private HostileFiles() {
    }

    /** A DOCX whose body XML inflates from about 100 KB to {@code inflatedMegabytes} of text. */
    public static byte[] zipBombDocx(int inflatedMegabytes) {
        byte[] normal = Fixtures.docx().paragraph("placeholder").bytes();
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>";
        String tail = "</w:t></w:r></w:p></w:body></w:document>";
        return replaceEntry(normal, "word/document.xml", out -> {
            out.write(head.getBytes(StandardCharsets.UTF_8));
            writeRepeated(out, (byte) 'a', (long) inflatedMegabytes << 20);
            out.write(tail.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** A DOCX whose body XML declares the "billion laughs" entities and uses the largest of them. */
    public static byte[] billionLaughsDocx() {
        byte[] normal = Fixtures.docx().paragraph("placeholder").bytes();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + billionLaughsDoctype("w:document")
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
        return replaceEntry(normal, "word/document.xml", out -> out.write(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** An XHTML page (a type the service reads) with the "billion laughs" entities. */
    public static byte[] billionLaughsXhtml() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + billionLaughsDoctype("html")
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Laughs</title></head>"
                + "<body><p>&lol9;</p></body></html>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** An OpenDocument text whose content XML declares the "billion laughs" entities. */
    public static byte[] billionLaughsOdt() {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + billionLaughsDoctype("office:document-content")
                + "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text><text:p>&lol9;</text:p></office:text></office:body></office:document-content>";
        String manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
                + "</manifest:manifest>";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED); // the OpenDocument signature: stored, first, uncompressed
            first.setSize(mimetype.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(manifest.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A plain XML file with the "billion laughs" entities. */
    public static byte[] billionLaughsXml() {
        String xml = "<?xml version=\"1.0\"?>" + billionLaughsDoctype("lolz") + "<lolz>&lol9;</lolz>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    private static String billionLaughsDoctype(String root) {
        StringBuilder doctype = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY lol \"lol\">");
        for (int level = 1; level <= 9; level++) {
            String previous = level == 1 ? "lol" : "lol" + (level - 1);
            doctype.append("<!ENTITY lol").append(level).append(" \"")
                    .append(("&" + previous + ";").repeat(10)).append("\">");
        }
        return doctype.append("]>").toString();
    }

    /** A zip holding a zip holding ... {@code depth} levels down, with a text file at the bottom. */
    public static byte[] nestedZip(int depth) {
        byte[] current = zip("bottom.txt", "The bottom of the archive.".getBytes(StandardCharsets.UTF_8));
        for (int level = depth - 1; level > 0; level--) {
            current = zip("level-" + level + ".zip", current);
        }
        return current;
    }

    /** A zip with one text entry that inflates to {@code inflatedMegabytes} of one letter. */
    public static byte[] zipBomb(int inflatedMegabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("bomb.txt"));
            writeRepeated(zip, (byte) 'a', (long) inflatedMegabytes << 20);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** An e-mail carrying {@code attachment} as a base64 attachment: e-mails are read with their attachments. */
    public static byte[] emailWithAttachment(String subject, String attachmentName, byte[] attachment) {
        return emailWithAttachment(subject, attachmentName, "application/zip", attachment);
    }

    /** An e-mail with a text body and one attachment, declared as {@code contentType}. */
    public static byte[] emailWithAttachment(String subject, String attachmentName, String contentType, byte[] attachment) {
        String boundary = "groundwork-boundary";
        String message = "From: Mallory <mallory@example.org>\r\n"
                + "To: Ada <ada@example.org>\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: Tue, 3 Mar 2026 10:15:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Please see the attached file.\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: " + contentType + "; name=\"" + attachmentName + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + attachmentName + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(attachment) + "\r\n"
                + "--" + boundary + "--\r\n";
        return message.getBytes(StandardCharsets.UTF_8);
    }

    /** An HTML page whose elements nest {@code depth} levels deep. */
    public static byte[] deeplyNestedHtml(int depth) {
        StringBuilder html = new StringBuilder(depth * 12 + 100).append("<html><body>");
        html.append("<div>".repeat(depth)).append("deep text").append("</div>".repeat(depth));
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A PDF of {@code pages} pages, each with one short line: cheap to make, costly to read in full. */
    public static byte[] manyPagePdf(int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int number = 1; number <= pages; number++) {
                PDPage page = new PDPage(PDRectangle.A6);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.newLineAtOffset(20, 200);
                    content.showText("Page " + number + " of the endless report.");
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF that opens only with a password. */
    public static byte[] encryptedPdf() {
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(Fixtures.pdf("Secret quarterly numbers."));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code fraction} of the bytes. */
    public static byte[] truncated(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    /** The bytes with {@code flips} random bits flipped, from {@code from} on; the same seed gives the same damage. */
    public static byte[] bitFlipped(byte[] bytes, int from, int flips, long seed) {
        byte[] damaged = bytes.clone();
        Random random = new Random(seed);
        for (int i = 0; i < flips; i++) {
            int at = from + random.nextInt(damaged.length - from);
            damaged[at] ^= (byte) (1 << random.nextInt(8));
        }
        return damaged;
    }

    /** The start of a Linux executable: binary bytes under a document's name. */
    public static byte[] elfExecutable() {
        byte[] elf = new byte[4096];
        new Random(7).nextBytes(elf);
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        System.arraycopy(header, 0, elf, 0, header.length);
        return elf;
    }

    @FunctionalInterface
    private interface EntryWriter {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] replaceEntry(byte[] zipBytes, String name, EntryWriter replacement) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zipBytes));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    replacement.write(out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip archive of one entry. */
    public static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeRepeated(OutputStream out, byte value, long count) throws IOException {
        byte[] block = new byte[1 << 16];
        Arrays.fill(block, value);
        for (long left = count; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    /**
     * An MP3 file that is only an ID3v2.3 tag with a title and an artist, then a few silent MPEG frames: Tika's MP3
     * parser writes the tag's text out as the file's text.
     */
    public static byte[] mp3WithTags(String title, String artist) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        writeId3Frame(frames, "TIT2", title);
        writeId3Frame(frames, "TPE1", artist);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0});
        int size = frames.size();
        out.writeBytes(new byte[] {(byte) ((size >> 21) & 0x7f), (byte) ((size >> 14) & 0x7f), (byte) ((size >> 7) & 0x7f),
                (byte) (size & 0x7f)});
        out.writeBytes(frames.toByteArray());
        byte[] frame = new byte[417]; // MPEG-1 layer III, 128 kbit/s, 44.1 kHz, no padding
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        frame[2] = (byte) 0x90;
        frame[3] = (byte) 0x64;
        for (int i = 0; i < 8; i++) {
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    private static void writeId3Frame(ByteArrayOutputStream out, String id, String text) {
        byte[] value = text.getBytes(StandardCharsets.ISO_8859_1);
        int size = value.length + 1;
        out.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) (size >> 24), (byte) (size >> 16), (byte) (size >> 8), (byte) size, 0, 0, 0});
        out.writeBytes(value);
    }

    /** The first bytes of an AVI video (a RIFF header with the AVI form type), as detectors see one. */
    public static byte[] aviHeader() {
        byte[] avi = new byte[4096];
        byte[] head = {'R', 'I', 'F', 'F', (byte) 0xF8, 0x0F, 0, 0, 'A', 'V', 'I', ' ', 'L', 'I', 'S', 'T'};
        System.arraycopy(head, 0, avi, 0, head.length);
        return avi;
    }
}
