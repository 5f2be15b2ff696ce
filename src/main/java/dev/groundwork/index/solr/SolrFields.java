package dev.groundwork.index.solr;

/** Every field of Groundwork's Solr schema ({@code solr/groundwork/conf/schema.xml}), in one place. */
final class SolrFields {

    private SolrFields() {
    }

    /** A record: its document id; a chunk: document id, '/', ordinal; the generation marker: {@link #GENERATION_ID}. */
    static final String ID = "id";
    /** The id of the top of a nested block: a chunk's record. */
    static final String ROOT = "_root_";
    /** The relation a record's chunks are nested under (a name in the block, not a field of the schema). */
    static final String PASSAGES = "passages";
    static final String VERSION = "_version_";
    static final String SCORE = "score";

    /** "record" on the block's top, "chunk" on each passage nested under it, "generation" on the marker. */
    static final String KIND = "kind";
    static final String KIND_RECORD = "record";
    static final String KIND_CHUNK = "chunk";
    static final String KIND_GENERATION = "generation";

    static final String DOC_ID = "doc_id";
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
    static final String PIPELINE = "pipeline";
    static final String OCR_PAGES = "ocr_pages";
    static final String OCR_FAILED_PAGES = "ocr_failed_pages";

    // chunk
    static final String ORDINAL = "ordinal";
    static final String PAGE = "page";
    static final String HEADINGS = "headings";
    static final String START = "start";
    static final String END = "end";
    static final String TEXT = "text";
    static final String CONTEXT = "context";
    static final String VECTOR = "vector";
    static final String OCR_CONFIDENCE = "ocr_confidence";

    /** The one marker entry of a collection: what pipeline its generation was built with. */
    static final String GENERATION_ID = "_generation";
    static final String HEADING_SEPARATOR = "\u001f";

    /** What a record is read back with. */
    static final String RECORD_FIELDS = String.join(",", DOC_ID, SHA256, TITLE, ABOUT, FILE_NAME, PATH, CONTENT_TYPE,
            SIZE, PAGES, CHUNKS, ADDED_AT, PIPELINE, OCR_PAGES, OCR_FAILED_PAGES, KIND);
    /** What a chunk hit is read back with (not its vector). */
    static final String CHUNK_FIELDS = String.join(",", DOC_ID, ORDINAL, PAGE, HEADINGS, START, END, TEXT, OCR_CONFIDENCE,
            SCORE);
}
