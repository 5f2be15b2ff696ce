package dev.groundwork.index;

/** Every Lucene field name, in one place. */
final class IndexFields {

    private IndexFields() {
    }

    /** "record" for the one entry per document, "chunk" for each passage. */
    static final String KIND = "kind";
    static final String KIND_RECORD = "record";
    static final String KIND_CHUNK = "chunk";

    /** On records and chunks: deleting by it removes a whole document. */
    static final String DOC_ID = "doc_id";
    /** On records only: replacing by it leaves the chunks alone. */
    static final String RECORD_ID = "record_id";
    static final String CONTENT_TYPE = "content_type";

    // record
    static final String SHA256 = "sha256";
    static final String TITLE = "title";
    static final String ABOUT = "about";
    static final String FILE_NAME = "file_name";
    static final String PATH = "path";
    static final String SIZE = "size";
    static final String PAGES = "pages";
    static final String CHUNKS = "chunks";
    static final String ADDED_AT = "added_at";
    static final String ADDED_BY = "added_by";
    static final String PIPELINE = "pipeline";
    static final String OCR_PAGES = "ocr_pages";
    static final String OCR_FAILED_PAGES = "ocr_failed_pages";

    // chunk
    static final String ORDINAL = "ordinal";
    static final String PAGE = "page";
    static final String HEADINGS = "headings";
    static final String START = "start";
    static final String END = "end";
    /** The passage itself, analysed for BM25 and stored for citations. */
    static final String TEXT = "text";
    /**
     * What led the chunk when it was embedded (document title and identity, headings or the page's first words),
     * analysed and stored: lets BM25 find a passage by its document's name and period, and a moved file keep it.
     */
    static final String CONTEXT = "context";
    static final String VECTOR = "vector";
    /** On a passage read by OCR: Tesseract's mean confidence on its page; absent on text the document holds. */
    static final String OCR_CONFIDENCE = "ocr_confidence";

    /** Separates heading path elements in the stored field. */
    static final String HEADING_SEPARATOR = "\u001f";
}
