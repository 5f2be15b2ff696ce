package dev.groundwork.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Archives and mailboxes made on the fly, of entries the test gives: nothing is read from disk. */
public final class Containers {

    private Containers() {
    }

    /** Entries in the order given (a {@link LinkedHashMap} of name to bytes). */
    public static Map<String, byte[]> entries(Object... namesAndBytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndBytes.length; i += 2) {
            entries.put((String) namesAndBytes[i], (byte[]) namesAndBytes[i + 1]);
        }
        return entries;
    }

    /** A zip of the entries, their names written as given (even {@code ../../x.pdf}). */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A gzip-compressed tar of the entries. */
    public static byte[] tarGz(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey());
                tarEntry.setSize(entry.getValue().length);
                tar.putArchiveEntry(tarEntry);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One message of a mailbox. */
    public record Message(String from, String to, String date, String subject, String body) {
    }

    /** An mbox file of the messages, each after its {@code From } line. */
    public static byte[] mbox(List<Message> messages) {
        StringBuilder mbox = new StringBuilder();
        for (Message message : messages) {
            mbox.append("From ").append(message.from()).append(" Mon Jan  5 09:00:00 2026\n")
                    .append("From: ").append(message.from()).append('\n')
                    .append("To: ").append(message.to()).append('\n')
                    .append("Date: ").append(message.date()).append('\n')
                    .append("Subject: ").append(message.subject()).append('\n')
                    .append("Message-ID: <").append(Math.abs(message.subject().hashCode())).append("@example.org>\n")
                    .append("MIME-Version: 1.0\n")
                    .append("Content-Type: text/plain; charset=UTF-8\n\n")
                    .append(message.body()).append("\n\n");
        }
        return mbox.toString().getBytes(StandardCharsets.UTF_8);
    }
}
