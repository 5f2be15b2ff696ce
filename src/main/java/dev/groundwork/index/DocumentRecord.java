package dev.groundwork.index;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the index knows of one document: identity, where its file lives and how it was indexed.
 *
 * @param id          derived from the file's SHA-256, so the same bytes are always the same document
 * @param about       what tells the document apart beyond its title (its file name in words, what its first pages
 *                    say of it: organisation, kind, period), or empty
 * @param paths       the document's files, relative to the ingest folder (two copies of one file: two paths), or
 *                    {@code //source/relative} for a file of an extra source folder
 * @param pages       number of pages for paged formats (PDF, slides), null otherwise
 * @param pipeline    signature of the parser, splitter and encoder settings the chunks were made with
 * @param addedBy     who uploaded the document (a user's or API key's name); null for a file the folder sync found,
 *                    and for documents indexed before this was recorded
 * @param ocrPages    pages (or images) whose text was read by OCR
 * @param ocrFailedPages pages OCR could not read (past their time, or Tesseract failed); the document stands without
 *                    their text
 */
public record DocumentRecord(
        String id,
        String sha256,
        String title,
        String about,
        String fileName,
        List<String> paths,
        String contentType,
        long sizeBytes,
        Integer pages,
        int chunks,
        Instant addedAt,
        String pipeline,
        String addedBy,
        int ocrPages,
        List<Integer> ocrFailedPages) {

    /** A document no one in particular added: a file of a folder. */
    public DocumentRecord(String id, String sha256, String title, String about, String fileName, List<String> paths,
                          String contentType, long sizeBytes, Integer pages, int chunks, Instant addedAt,
                          String pipeline) {
        this(id, sha256, title, about, fileName, paths, contentType, sizeBytes, pages, chunks, addedAt, pipeline, null);
    }

    /** A document read without OCR. */
    public DocumentRecord(String id, String sha256, String title, String about, String fileName, List<String> paths,
                          String contentType, long sizeBytes, Integer pages, int chunks, Instant addedAt,
                          String pipeline, String addedBy) {
        this(id, sha256, title, about, fileName, paths, contentType, sizeBytes, pages, chunks, addedAt, pipeline,
                addedBy, 0, List.of());
    }

    public DocumentRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(addedAt, "addedAt");
        about = about == null ? "" : about;
        paths = List.copyOf(paths);
        ocrFailedPages = ocrFailedPages == null ? List.of() : List.copyOf(ocrFailedPages);
        pipeline = pipeline == null ? "" : pipeline;
        if (sizeBytes < 0 || chunks < 0 || ocrPages < 0 || (pages != null && pages < 0)) {
            throw new IllegalArgumentException("negative size, chunk or page count for document " + id);
        }
    }

    /** The same document, known under other paths (a file moved, copied or removed). */
    public DocumentRecord withPaths(List<String> newPaths, String newFileName) {
        return new DocumentRecord(id, sha256, title, about, newFileName, newPaths, contentType, sizeBytes, pages, chunks,
                addedAt, pipeline, addedBy, ocrPages, ocrFailedPages);
    }

    /** The same document, recorded as added by someone. */
    public DocumentRecord withAddedBy(String by) {
        return new DocumentRecord(id, sha256, title, about, fileName, paths, contentType, sizeBytes, pages, chunks,
                addedAt, pipeline, by, ocrPages, ocrFailedPages);
    }
}
