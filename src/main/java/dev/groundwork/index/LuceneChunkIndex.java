package dev.groundwork.index;

import static dev.groundwork.index.IndexFields.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunk index on Lucene: one on-disk index holding, per document, a record entry and one entry per chunk (text for
 * BM25, a vector for HNSW, stored fields for citations). One writer and one searcher manager serve it, kept and
 * recovered after a failed write by {@link RecoveringIndexWriter}; searches are brought up to date after each commit
 * and by {@link #refresh()}, which the application calls on a schedule.
 */
public final class LuceneChunkIndex implements ChunkIndex, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneChunkIndex.class);

    private final Path directoryPath;
    private final IndexSettings settings;
    private final double contextBoost;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final RecoveringIndexWriter writer;
    /** False while the configured encoder's vectors do not belong in this index (see {@link #vectorsComparable()}). */
    private volatile boolean vectorsComparable = true;

    /** Opens a Lucene directory; tests put a directory that fails like a full disk in its place. */
    @FunctionalInterface
    interface DirectoryOpener {
        Directory open(Path path) throws IOException;
    }

    public LuceneChunkIndex(IndexSettings settings) {
        this(settings, FSDirectory::open);
    }

    LuceneChunkIndex(IndexSettings settings, DirectoryOpener opener) {
        this.directoryPath = settings.dir().toAbsolutePath().normalize();
        this.settings = settings;
        this.contextBoost = settings.contextBoost();
        try {
            Files.createDirectories(directoryPath);
            setAsideIfUnreadable();
            this.writer = new RecoveringIndexWriter(directoryPath, opener.open(directoryPath), this::writerConfig);
        } catch (IOException e) {
            throw new IndexUnavailableException("Cannot open the index at " + directoryPath + ": " + e.getMessage(), e);
        }
        IndexStats stats = stats();
        log.info("Index open at {}: {} documents, {} chunks", directoryPath, stats.documents(), stats.chunks());
    }

    /** An index that cannot be read is set aside, not deleted: it is derived data, rebuilt from the ingest folder. */
    private void setAsideIfUnreadable() throws IOException {
        try (Directory existing = FSDirectory.open(directoryPath)) {
            if (DirectoryReader.indexExists(existing)) {
                DirectoryReader.open(existing).close();
            }
            return;
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            log.error("The index at {} cannot be read ({}); it is set aside and rebuilt from the ingest folder",
                    directoryPath, e.getMessage());
        }
        Path aside = directoryPath.resolveSibling(directoryPath.getFileName() + ".unreadable-" + System.currentTimeMillis());
        Files.move(directoryPath, aside);
        Files.createDirectories(directoryPath);
    }

    private IndexWriterConfig writerConfig() {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(settings.ramBufferMb());
        config.setCommitOnClose(true);
        config.setCodec(codec(settings));
        return config;
    }

    /** The default codec, with the vector field's HNSW format and graph parameters chosen by the settings. */
    private static Codec codec(IndexSettings settings) {
        KnnVectorsFormat format = settings.vectorFormat() == IndexSettings.VectorFormat.FLOAT
                ? new Lucene99HnswVectorsFormat(settings.hnswM(), settings.hnswBeamWidth())
                : new Lucene99HnswScalarQuantizedVectorsFormat(settings.hnswM(), settings.hnswBeamWidth());
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return VECTOR.equals(field) ? format : super.getKnnVectorsFormatForField(field);
            }
        };
    }

    /**
     * Whether this index's vectors can be compared with the configured encoder's. While not, vector search is refused
     * and chunks are written without vectors: new vectors could not be compared with the old ones (nor have the same
     * length), so new chunks get text only.
     */
    void vectorsComparable(boolean comparable) {
        this.vectorsComparable = comparable;
    }

    @Override
    public boolean vectorsComparable() {
        return vectorsComparable;
    }

    Path directoryPath() {
        return directoryPath;
    }

    // ---- writes

    @Override
    public void upsert(DocumentRecord document, List<EmbeddedChunk> chunks, Collection<String> replacing) {
        boolean withVectors = vectorsComparable;
        List<Document> entries = new ArrayList<>(chunks.size() + 1);
        entries.add(IndexEntries.record(document));
        for (EmbeddedChunk chunk : chunks) {
            entries.add(IndexEntries.chunk(document, chunk, withVectors));
        }
        Set<String> ids = new LinkedHashSet<>(replacing);
        ids.add(document.id());
        Query oldVersions = new TermInSetQuery(DOC_ID, ids.stream().map(BytesRef::new).toList());
        writer.write(w -> w.updateDocuments(oldVersions, entries), "write document " + document.id());
    }

    @Override
    public void updateRecord(DocumentRecord document) {
        writer.write(w -> w.updateDocument(new Term(RECORD_ID, document.id()), IndexEntries.record(document)),
                "update document " + document.id());
    }

    @Override
    public boolean delete(String documentId) {
        boolean present = find(documentId).isPresent();
        writer.write(w -> w.deleteDocuments(new Term(DOC_ID, documentId)), "delete document " + documentId);
        return present;
    }

    @Override
    public void commit() {
        commit(Map.of());
    }

    /** Commits, recording {@code userData} in the commit's data (see {@link #committedUserData()}). */
    public void commit(Map<String, String> userData) {
        writer.commit(userData);
    }

    /** The user data of the last commit. */
    public Map<String, String> committedUserData() {
        return writer.committedUserData();
    }

    /**
     * Merges the index into at most {@code maxSegments} segments and commits: every segment has its own HNSW graph,
     * each searched on its own, so fewer segments search faster and find more of the true nearest vectors. Costs
     * about a graph build over the merged vectors; documents and their chunks are kept as they are.
     */
    public void forceMerge(int maxSegments) {
        writer.write(w -> w.forceMerge(maxSegments), "merge segments");
        commit();
    }

    /** Brings searches up to date with writes not yet committed. */
    public void refresh() {
        writer.refresh();
    }

    // ---- reads

    @Override
    public Optional<DocumentRecord> find(String documentId) {
        return writer.search(searcher -> readRecord(searcher, documentId), "find document " + documentId);
    }

    private static Optional<DocumentRecord> readRecord(IndexSearcher searcher, String documentId) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(RECORD_ID, documentId)), 1);
        return top.scoreDocs.length == 0 ? Optional.empty()
                : Optional.of(IndexEntries.toRecord(searcher.storedFields().document(top.scoreDocs[0].doc)));
    }

    @Override
    public List<DocumentRecord> documents() {
        return writer.search(searcher -> {
            Query records = new TermQuery(new Term(KIND, KIND_RECORD));
            int count = Math.max(1, searcher.count(records));
            List<DocumentRecord> all = new ArrayList<>(count);
            for (ScoreDoc hit : searcher.search(records, count).scoreDocs) {
                all.add(IndexEntries.toRecord(searcher.storedFields().document(hit.doc)));
            }
            all.sort(Comparator.comparing(DocumentRecord::addedAt).reversed().thenComparing(DocumentRecord::id));
            return all;
        }, "list documents");
    }

    @Override
    public IndexStats stats() {
        return writer.search(searcher -> new IndexStats(
                searcher.count(new TermQuery(new Term(KIND, KIND_RECORD))),
                searcher.count(new TermQuery(new Term(KIND, KIND_CHUNK))),
                directoryPath.toString()), "count documents");
    }

    @Override
    public List<ChunkHit> searchText(String query, int limit, ChunkFilter filter) {
        List<String> terms = QueryTerms.of(analyzer, query);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder matches = new BooleanQuery.Builder();
        for (String term : terms) {
            matches.add(new TermQuery(new Term(TEXT, term)), Occur.SHOULD);
            if (contextBoost > 0) {
                matches.add(new BoostQuery(new TermQuery(new Term(CONTEXT, term)), (float) contextBoost), Occur.SHOULD);
            }
        }
        Query scored = new BooleanQuery.Builder()
                .add(matches.build(), Occur.MUST)
                .add(chunkFilter(filter), Occur.FILTER)
                .build();
        return writer.search(searcher -> toHits(searcher, searcher.search(scored, limit)), "text search");
    }

    @Override
    public List<ChunkHit> searchVector(float[] vector, int limit, ChunkFilter filter) {
        if (!vectorsComparable) {
            throw new IndexUnavailableException("Vector search is unavailable until the index rebuilt for the "
                    + "configured encoder is switched in; text search works meanwhile.", null);
        }
        // HNSW collects at least knn-candidates (its search beam) and the best `limit` of them are kept: a wider beam
        // finds more of the true nearest for little time, and only `limit` hits are read from the stored fields.
        Query nearest = new KnnFloatVectorQuery(VECTOR, vector, Math.max(limit, settings.knnCandidates()),
                filter.isEmpty() ? null : chunkFilter(filter));
        return writer.search(searcher -> {
            List<ChunkHit> hits = toHits(searcher, searcher.search(nearest, limit));
            // Lucene scores DOT_PRODUCT as (1 + cos) / 2; give callers the cosine itself.
            return hits.stream().map(hit -> new ChunkHit(hit.document(), hit.chunk(), 2 * hit.score() - 1)).toList();
        }, "vector search");
    }

    /** The document's chunks are read one by one until the ordinal: a document has hundreds, not millions. */
    @Override
    public Optional<ChunkHit> chunk(String documentId, int ordinal) {
        Query ofDocument = chunksOf(documentId);
        return writer.search(searcher -> {
            int count = searcher.count(ofDocument);
            if (count == 0 || ordinal < 0) {
                return Optional.<ChunkHit>empty();
            }
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(ofDocument, count, Sort.INDEXORDER).scoreDocs) {
                Document entry = stored.document(hit.doc, Set.of(ORDINAL));
                if (entry.getField(ORDINAL).numericValue().intValue() == ordinal) {
                    Chunk chunk = IndexEntries.toChunk(stored.document(hit.doc));
                    return readRecord(searcher, documentId).map(record -> new ChunkHit(record, chunk, 0));
                }
            }
            return Optional.<ChunkHit>empty();
        }, "read chunk " + ordinal + " of " + documentId);
    }

    /** Without their vectors: a document written while vectors were not comparable has none. */
    @Override
    public List<Chunk> passages(String documentId) {
        Query ofDocument = chunksOf(documentId);
        return writer.search(searcher -> {
            int count = Math.max(1, searcher.count(ofDocument));
            List<Chunk> chunks = new ArrayList<>(count);
            for (ScoreDoc hit : searcher.search(ofDocument, count, Sort.INDEXORDER).scoreDocs) {
                chunks.add(IndexEntries.toChunk(searcher.storedFields().document(hit.doc)));
            }
            chunks.sort(Comparator.comparingInt(Chunk::ordinal));
            return chunks;
        }, "read the passages of " + documentId);
    }

    private static Query chunksOf(String documentId) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(DOC_ID, documentId)), Occur.FILTER)
                .add(new TermQuery(new Term(KIND, KIND_CHUNK)), Occur.FILTER)
                .build();
    }

    /** A document's chunks with their stored vectors, in order. */
    List<EmbeddedChunk> chunks(String documentId) {
        Query ofDocument = chunksOf(documentId);
        return writer.search(searcher -> {
            int count = Math.max(1, searcher.count(ofDocument));
            List<EmbeddedChunk> chunks = new ArrayList<>(count);
            for (ScoreDoc hit : searcher.search(ofDocument, count, Sort.INDEXORDER).scoreDocs) {
                var entry = searcher.storedFields().document(hit.doc);
                chunks.add(new EmbeddedChunk(IndexEntries.toChunk(entry), vectorOf(searcher, hit.doc),
                        IndexEntries.context(entry)));
            }
            chunks.sort(Comparator.comparingInt(embedded -> embedded.chunk().ordinal()));
            return chunks;
        }, "read chunks of " + documentId);
    }

    private static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
        int target = doc - leaf.docBase;
        if (values == null || values.advance(target) != target) {
            throw new IOException("chunk entry " + doc + " has no vector");
        }
        return values.vectorValue().clone();
    }

    private Query chunkFilter(ChunkFilter filter) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, KIND_CHUNK)), Occur.FILTER);
        if (!filter.documentIds().isEmpty()) {
            builder.add(new TermInSetQuery(DOC_ID, filter.documentIds().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (!filter.contentTypes().isEmpty()) {
            builder.add(new TermInSetQuery(CONTENT_TYPE, filter.contentTypes().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        return builder.build();
    }

    private List<ChunkHit> toHits(IndexSearcher searcher, TopDocs top) throws IOException {
        StoredFields stored = searcher.storedFields();
        RecordCache cache = recordCache(searcher);
        List<ChunkHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc scoreDoc : top.scoreDocs) {
            Document entry = stored.document(scoreDoc.doc);
            String documentId = entry.get(DOC_ID);
            DocumentRecord record = cache.records().get(documentId);
            if (record == null) {
                record = readRecord(searcher, documentId)
                        .orElseThrow(() -> new IOException("chunk of document " + documentId + " has no record"));
                if (cache.records().size() < RECORD_CACHE_SIZE) {
                    cache.records().put(documentId, record);
                }
            }
            hits.add(new ChunkHit(record, IndexEntries.toChunk(entry), scoreDoc.score));
        }
        return hits;
    }

    /**
     * Document records read for hits, kept for the reader they were read from: a search's hits spread over many
     * documents, and looking each record up again (a term query and a stored document) was a large part of a search.
     * Any write brings a new reader and so a fresh cache, so a record is never older than the searcher using it.
     */
    private record RecordCache(Object readerKey, Map<String, DocumentRecord> records) {
    }

    private static final int RECORD_CACHE_SIZE = 20_000;
    private volatile RecordCache recordCache = new RecordCache(new Object(), new ConcurrentHashMap<>());

    private RecordCache recordCache(IndexSearcher searcher) {
        IndexReader.CacheHelper helper = searcher.getIndexReader().getReaderCacheHelper();
        if (helper == null) {
            return new RecordCache(new Object(), new HashMap<>()); // this search alone
        }
        RecordCache cache = recordCache;
        if (cache.readerKey() != helper.getKey()) {
            cache = new RecordCache(helper.getKey(), new ConcurrentHashMap<>());
            recordCache = cache;
        }
        return cache;
    }

    @Override
    public void close() throws IOException {
        writer.close();
        log.info("Index at {} closed", directoryPath);
    }
}
