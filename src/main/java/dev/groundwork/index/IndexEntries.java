package dev.groundwork.index;

import static dev.groundwork.index.IndexFields.*;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Documents and chunks as Lucene entries, and back: the index's layout on disk, field by field. */
final class IndexEntries {

    private IndexEntries() {
    }

    /** The one entry per document: its record, replaced alone when only its paths change. */
    static Document record(DocumentRecord document) {
        Document entry = new Document();
        entry.add(new StringField(KIND, KIND_RECORD, Field.Store.NO));
        entry.add(new StringField(DOC_ID, document.id(), Field.Store.YES));
        entry.add(new StringField(RECORD_ID, document.id(), Field.Store.NO));
        entry.add(new StringField(CONTENT_TYPE, document.contentType(), Field.Store.YES));
        entry.add(new StoredField(SHA256, document.sha256()));
        entry.add(new StoredField(TITLE, document.title()));
        entry.add(new StoredField(ABOUT, document.about()));
        entry.add(new StoredField(FILE_NAME, document.fileName()));
        document.paths().forEach(path -> entry.add(new StoredField(PATH, path)));
        entry.add(new StoredField(SIZE, document.sizeBytes()));
        if (document.pages() != null) {
            entry.add(new StoredField(PAGES, document.pages()));
        }
        entry.add(new StoredField(CHUNKS, document.chunks()));
        entry.add(new StoredField(ADDED_AT, document.addedAt().toEpochMilli()));
        entry.add(new StoredField(PIPELINE, document.pipeline()));
        if (document.addedBy() != null) {
            entry.add(new StoredField(ADDED_BY, document.addedBy()));
        }
        if (document.ocrPages() > 0) {
            entry.add(new StoredField(OCR_PAGES, document.ocrPages()));
        }
        document.ocrFailedPages().forEach(page -> entry.add(new StoredField(OCR_FAILED_PAGES, page)));
        return entry;
    }

    /** A passage, with its vector unless the index takes none (it was built with another encoder). */
    static Document chunk(DocumentRecord document, EmbeddedChunk embedded, boolean withVector) {
        Chunk chunk = embedded.chunk();
        Document entry = new Document();
        entry.add(new StringField(KIND, KIND_CHUNK, Field.Store.NO));
        entry.add(new StringField(DOC_ID, document.id(), Field.Store.YES));
        entry.add(new StringField(CONTENT_TYPE, document.contentType(), Field.Store.NO));
        entry.add(new StoredField(ORDINAL, chunk.ordinal()));
        if (chunk.page() != null) {
            entry.add(new StoredField(PAGE, chunk.page()));
        }
        entry.add(new StoredField(HEADINGS, String.join(HEADING_SEPARATOR, chunk.headingPath())));
        entry.add(new StoredField(START, chunk.start()));
        entry.add(new StoredField(END, chunk.end()));
        entry.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
        entry.add(new TextField(CONTEXT, embedded.context(), Field.Store.YES));
        if (chunk.ocrConfidence() != null) {
            entry.add(new StoredField(OCR_CONFIDENCE, chunk.ocrConfidence()));
        }
        if (withVector) {
            entry.add(new KnnFloatVectorField(VECTOR, embedded.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return entry;
    }

    static DocumentRecord toRecord(Document entry) {
        IndexableField pages = entry.getField(PAGES);
        IndexableField ocrPages = entry.getField(OCR_PAGES);
        return new DocumentRecord(
                entry.get(DOC_ID),
                entry.get(SHA256),
                entry.get(TITLE),
                entry.get(ABOUT),
                entry.get(FILE_NAME),
                Arrays.asList(entry.getValues(PATH)),
                entry.get(CONTENT_TYPE),
                entry.getField(SIZE).numericValue().longValue(),
                pages == null ? null : pages.numericValue().intValue(),
                entry.getField(CHUNKS).numericValue().intValue(),
                Instant.ofEpochMilli(entry.getField(ADDED_AT).numericValue().longValue()),
                entry.get(PIPELINE),
                entry.get(ADDED_BY),
                ocrPages == null ? 0 : ocrPages.numericValue().intValue(),
                Arrays.stream(entry.getFields(OCR_FAILED_PAGES)).map(field -> field.numericValue().intValue()).toList());
    }

    static String context(Document entry) {
        String context = entry.get(CONTEXT);
        return context == null ? "" : context;
    }

    static Chunk toChunk(Document entry) {
        IndexableField page = entry.getField(PAGE);
        IndexableField ocr = entry.getField(OCR_CONFIDENCE);
        String headings = entry.get(HEADINGS);
        return new Chunk(
                entry.getField(ORDINAL).numericValue().intValue(),
                page == null ? null : page.numericValue().intValue(),
                headings == null || headings.isEmpty() ? List.of() : List.of(headings.split(HEADING_SEPARATOR)),
                entry.getField(START).numericValue().intValue(),
                entry.getField(END).numericValue().intValue(),
                entry.get(TEXT),
                ocr == null ? null : ocr.numericValue().floatValue());
    }
}
