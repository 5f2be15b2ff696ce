package dev.groundwork.index.solr;

import static dev.groundwork.index.solr.SolrFields.*;

import dev.groundwork.index.Chunk;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.EmbeddedChunk;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/** Documents and chunks as Solr entries, and back: one block per document, its record on top, its chunks nested. */
final class SolrEntries {

    private SolrEntries() {
    }

    /** The record with its chunks nested under it: indexed as one block, replaced as one block. */
    static SolrInputDocument block(DocumentRecord document, List<EmbeddedChunk> chunks, boolean withVectors) {
        SolrInputDocument record = new SolrInputDocument();
        record.setField(ID, document.id());
        record.setField(KIND, KIND_RECORD);
        recordFields(document).forEach(record::setField);
        List<SolrInputDocument> children = new ArrayList<>(chunks.size());
        for (EmbeddedChunk chunk : chunks) {
            children.add(chunk(document, chunk, withVectors));
        }
        if (!children.isEmpty()) {
            // a named relation (not anonymous children): Solr keeps named children when the record alone is updated
            record.setField(PASSAGES, children);
        }
        return record;
    }

    /**
     * The record's own fields as an atomic update ("set" each): Solr rewrites the block with them and keeps its
     * chunks as they are.
     */
    static SolrInputDocument recordUpdate(DocumentRecord document) {
        SolrInputDocument update = new SolrInputDocument();
        update.setField(ID, document.id());
        recordFields(document).forEach((field, value) -> {
            Map<String, Object> set = new HashMap<>();
            set.put("set", value);
            update.setField(field, set);
        });
        return update;
    }

    private static Map<String, Object> recordFields(DocumentRecord document) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(DOC_ID, document.id());
        fields.put(CONTENT_TYPE, document.contentType());
        fields.put(SHA256, document.sha256());
        fields.put(TITLE, document.title());
        fields.put(ABOUT, document.about());
        fields.put(FILE_NAME, document.fileName());
        fields.put(PATH, document.paths());
        fields.put(SIZE, document.sizeBytes());
        fields.put(PAGES, document.pages());
        fields.put(CHUNKS, document.chunks());
        fields.put(ADDED_AT, document.addedAt().toEpochMilli());
        fields.put(PIPELINE, document.pipeline());
        // only on documents read by OCR: a collection made from an older configset takes every other document
        if (document.ocrPages() > 0 || !document.ocrFailedPages().isEmpty()) {
            fields.put(OCR_PAGES, document.ocrPages());
            fields.put(OCR_FAILED_PAGES, document.ocrFailedPages());
        }
        return fields;
    }

    private static SolrInputDocument chunk(DocumentRecord document, EmbeddedChunk embedded, boolean withVector) {
        Chunk chunk = embedded.chunk();
        SolrInputDocument entry = new SolrInputDocument();
        entry.setField(ID, document.id() + "/" + chunk.ordinal());
        entry.setField(KIND, KIND_CHUNK);
        entry.setField(DOC_ID, document.id());
        entry.setField(CONTENT_TYPE, document.contentType());
        entry.setField(ORDINAL, chunk.ordinal());
        if (chunk.page() != null) {
            entry.setField(PAGE, chunk.page());
        }
        entry.setField(HEADINGS, String.join(HEADING_SEPARATOR, chunk.headingPath()));
        entry.setField(START, chunk.start());
        entry.setField(END, chunk.end());
        entry.setField(TEXT, chunk.text());
        entry.setField(CONTEXT, embedded.context());
        if (chunk.ocrConfidence() != null) {
            entry.setField(OCR_CONFIDENCE, chunk.ocrConfidence());
        }
        if (withVector) {
            List<Float> vector = new ArrayList<>(embedded.vector().length);
            for (float value : embedded.vector()) {
                vector.add(value);
            }
            entry.setField(VECTOR, vector);
        }
        return entry;
    }

    static DocumentRecord toRecord(SolrDocument entry) {
        Collection<Object> paths = entry.getFieldValues(PATH);
        Number pages = (Number) entry.getFirstValue(PAGES);
        Number ocrPages = (Number) entry.getFirstValue(OCR_PAGES);
        Collection<Object> ocrFailed = entry.getFieldValues(OCR_FAILED_PAGES);
        return new DocumentRecord(
                string(entry, DOC_ID),
                string(entry, SHA256),
                string(entry, TITLE),
                string(entry, ABOUT),
                string(entry, FILE_NAME),
                paths == null ? List.of() : paths.stream().map(String::valueOf).toList(),
                string(entry, CONTENT_TYPE),
                number(entry, SIZE).longValue(),
                pages == null ? null : pages.intValue(),
                number(entry, CHUNKS).intValue(),
                Instant.ofEpochMilli(number(entry, ADDED_AT).longValue()),
                string(entry, PIPELINE),
                null,
                ocrPages == null ? 0 : ocrPages.intValue(),
                ocrFailed == null ? List.of() : ocrFailed.stream().map(page -> ((Number) page).intValue()).toList());
    }

    static Chunk toChunk(SolrDocument entry) {
        Number page = (Number) entry.getFirstValue(PAGE);
        Number ocr = (Number) entry.getFirstValue(OCR_CONFIDENCE);
        String headings = (String) entry.getFirstValue(HEADINGS);
        return new Chunk(
                number(entry, ORDINAL).intValue(),
                page == null ? null : page.intValue(),
                headings == null || headings.isEmpty() ? List.of() : List.of(headings.split(HEADING_SEPARATOR)),
                number(entry, START).intValue(),
                number(entry, END).intValue(),
                string(entry, TEXT),
                ocr == null ? null : ocr.floatValue());
    }

    private static String string(SolrDocument entry, String field) {
        Object value = entry.getFirstValue(field);
        return value == null ? "" : value.toString();
    }

    private static Number number(SolrDocument entry, String field) {
        Object value = entry.getFirstValue(field);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("Solr entry " + entry.getFirstValue(ID) + " has no number in " + field);
        }
        return number;
    }
}
