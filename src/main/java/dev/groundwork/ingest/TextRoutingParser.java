package dev.groundwork.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Reads plain text and Markdown in the service and sends every other file to the worker processes. A text file
 * costs a worker round trip (request, a fresh parse context, the reply over a pipe) that was as long as its
 * embedding for small files, while reading it is linear and bounded: the character limit stops the read and the
 * file-size limit comes before. The type is told from the bytes by Tika's magic-byte detector, which never opens a
 * container (the name only refines what the bytes say, telling Markdown from text); anything it does not call text
 * goes to a worker. Detection is done once here: it cost as much as reading the text.
 */
final class TextRoutingParser implements DocumentParser, AutoCloseable {

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final TikaDocumentParser inService;
    private final IsolatedDocumentParser isolated;

    TextRoutingParser(TikaDocumentParser inService, IsolatedDocumentParser isolated) {
        this.inService = inService;
        this.isolated = isolated;
    }

    @Override
    public ParsedFile read(Path file, String fileName) {
        MediaType type = detect(file, fileName);
        // the in-service parser detects with the same detector: it is handed the type rather than detect again
        return TikaDocumentParser.readsInService(type) ? inService.parse(file, fileName, type)
                : isolated.read(file, fileName);
    }

    boolean readsInService(Path file, String fileName) {
        return TikaDocumentParser.readsInService(detect(file, fileName));
    }

    /** The type the bytes say, refined by the name: text named .md is Markdown; bytes said to be binary stay so. */
    private MediaType detect(Path file, String fileName) {
        try (TikaInputStream in = TikaInputStream.get(file)) {
            MediaType bytes = TextBytes.typeOfBytes(types, in);
            if (MediaType.OCTET_STREAM.equals(bytes)) {
                return bytes;
            }
            Metadata named = new Metadata();
            named.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
            MediaType byName = types.detect(null, named).getBaseType();
            return types.getMediaTypeRegistry().isSpecializationOf(byName, bytes) ? byName : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + fileName, e);
        }
    }

    @Override
    public String signature() {
        return isolated.signature();
    }

    @Override
    public OcrOptions ocr() {
        return isolated.ocr();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        isolated.warmUp();
    }

    @Override
    public void close() {
        isolated.close();
    }
}
