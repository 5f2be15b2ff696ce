package dev.groundwork.index;

import static dev.groundwork.index.IndexFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunk index on Lucene: one on-disk index holding, per document, a record entry and one entry per
 * chunk (text for BM25, a vector for HNSW, stored fields for citations). One writer and one searcher manager
 * serve the index; searches are refreshed in the background and after each commit. A write that fails (a full
 * disk) discards every change not yet committed and reopens writer and searchers at the last commit: searches
 * go on throughout, nothing committed is lost, and writes work again once the cause is gone.
 */
public final class LuceneChunkIndex implements ChunkIndex, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LuceneChunkIndex.class);
    private static final int MAX_QUERY_TERMS = 400;

    private final Path directoryPath;
    private final IndexSettings settings;
    private final double contextBoost;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final Directory directory;
    private final ScheduledExecutorService refresher;
    /** False while the configured encoder's vectors do not belong in this index (see GenerationalChunkIndex). */
    private volatile boolean writeVectors = true;
    /** Writes hold it shared; replacing the generation after a failed write holds it exclusively. */
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile Generation current;
    /**
     * The generation this thread has written into since its last commit. A failed write anywhere discards
     * every change not yet committed, other threads' too; their commit must then fail rather than report
     * as durable changes that are gone. Callers write and commit on one thread (see ChunkIndex).
     */
    private final ThreadLocal<Long> uncommitted = new ThreadLocal<>();

    /**
     * The writer and searchers of one stretch of the index's life. After a failed write the writer is rolled
     * back to the last commit and a new generation takes over; the writer is null while it cannot be
     * reopened (a full disk), when searches are served from the last commit.
     */
    private record Generation(long number, IndexWriter writer, SearcherManager searchers) {
    }

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
            this.directory = opener.open(directoryPath);
            IndexWriter writer = new IndexWriter(directory, writerConfig());
            if (!DirectoryReader.indexExists(directory)) {
                writer.commit(); // a first, empty commit: searches can always fall back on the last commit
            }
            this.current = new Generation(1, writer, new SearcherManager(writer, null));
        } catch (IOException e) {
            throw new IndexUnavailableException("Cannot open the index at " + directoryPath + ": " + e.getMessage(), e);
        }
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "index-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(10, settings.refreshInterval().toMillis());
        refresher.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
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

    /** A new config for each writer: Lucene does not let two writers share one. */
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
     * Whether chunks are written with their vectors. Off while this index was built with another encoder: new
     * vectors could not be compared with the old ones (nor have the same length), so new chunks get text only.
     */
    void writeVectors(boolean enabled) {
        this.writeVectors = enabled;
    }

    Path directoryPath() {
        return directoryPath;
    }

    // ---- writes

    @Override
    public void upsert(DocumentRecord document, List<EmbeddedChunk> chunks, Collection<String> replacing) {
        List<Document> entries = new ArrayList<>(chunks.size() + 1);
        entries.add(IndexEntries.record(document));
        for (EmbeddedChunk chunk : chunks) {
            entries.add(IndexEntries.chunk(document, chunk, writeVectors));
        }
        Set<String> ids = new LinkedHashSet<>(replacing);
        ids.add(document.id());
        Query oldVersions = new TermInSetQuery(DOC_ID, ids.stream().map(BytesRef::new).toList());
        write(generation -> generation.writer().updateDocuments(oldVersions, entries), "write document " + document.id());
    }

    @Override
    public void updateRecord(DocumentRecord document) {
        write(generation -> generation.writer().updateDocument(new Term(RECORD_ID, document.id()), IndexEntries.record(document)),
                "update document " + document.id());
    }

    @Override
    public boolean delete(String documentId) {
        boolean present = find(documentId).isPresent();
        write(generation -> generation.writer().deleteDocuments(new Term(DOC_ID, documentId)), "delete document " + documentId);
        return present;
    }

    @Override
    public void commit(Map<String, String> userData) {
        Long written = uncommitted.get();
        uncommitted.remove();
        write(generation -> {
            if (written != null && written != generation.number()) {
                throw new ChangesLostException();
            }
            Map<String, String> data = new HashMap<>(liveCommitData(generation));
            data.putAll(userData);
            data.put("committedAt", Instant.now().toString());
            generation.writer().setLiveCommitData(data.entrySet());
            generation.writer().commit();
            try {
                generation.searchers().maybeRefreshBlocking();
            } catch (IOException | RuntimeException e) {
                log.warn("Index committed, but searches could not be refreshed yet: {}", e.getMessage());
            }
            return 0;
        }, "commit");
        uncommitted.remove();
    }

    /**
     * Merges the index into at most {@code maxSegments} segments and commits: every segment has its own HNSW graph,
     * each searched on its own, so fewer segments search faster and find more of the true nearest vectors. Costs
     * about a graph build over the merged vectors; documents and their chunks are kept as they are.
     */
    @Override
    public void forceMerge(int maxSegments) {
        write(generation -> {
            generation.writer().forceMerge(maxSegments);
            return 0;
        }, "merge segments");
        commit();
    }

    @Override
    public Map<String, String> committedUserData() {
        Generation generation = current;
        if (generation.writer() != null) {
            return liveCommitData(generation);
        }
        try {
            return new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData());
        } catch (IOException e) {
            throw new IndexUnavailableException("Cannot read the last commit of the index: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> liveCommitData(Generation generation) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = generation.writer().getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    // ---- reads

    @Override
    public Optional<DocumentRecord> find(String documentId) {
        return search(searcher -> readRecord(searcher, documentId), "find document " + documentId);
    }

    private static Optional<DocumentRecord> readRecord(IndexSearcher searcher, String documentId) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(RECORD_ID, documentId)), 1);
        return top.scoreDocs.length == 0 ? Optional.empty()
                : Optional.of(IndexEntries.toRecord(searcher.storedFields().document(top.scoreDocs[0].doc)));
    }

    @Override
    public List<DocumentRecord> documents() {
        return search(searcher -> {
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
        return search(searcher -> new IndexStats(
                searcher.count(new TermQuery(new Term(KIND, KIND_RECORD))),
                searcher.count(new TermQuery(new Term(KIND, KIND_CHUNK))),
                directoryPath.toString()), "count documents");
    }

    @Override
    public List<ChunkHit> searchText(String query, int limit, ChunkFilter filter) {
        List<String> terms = analyze(query);
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
        return search(searcher -> toHits(searcher, searcher.search(scored, limit)), "text search");
    }

    @Override
    public List<ChunkHit> searchVector(float[] vector, int limit, ChunkFilter filter) {
        // HNSW collects at least knn-candidates (its search beam) and the best `limit` of them are kept: a wider beam
        // finds more of the true nearest for little time, and only `limit` hits are read from the stored fields.
        Query nearest = new KnnFloatVectorQuery(VECTOR, vector, Math.max(limit, settings.knnCandidates()),
                filter.isEmpty() ? null : chunkFilter(filter));
        return search(searcher -> {
            List<ChunkHit> hits = toHits(searcher, searcher.search(nearest, limit));
            // Lucene scores DOT_PRODUCT as (1 + cos) / 2; give callers the cosine itself.
            return hits.stream().map(hit -> new ChunkHit(hit.document(), hit.chunk(), 2 * hit.score() - 1)).toList();
        }, "vector search");
    }

    @Override
    public List<EmbeddedChunk> chunks(String documentId) {
        Query ofDocument = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(DOC_ID, documentId)), Occur.FILTER)
                .add(new TermQuery(new Term(KIND, KIND_CHUNK)), Occur.FILTER)
                .build();
        return search(searcher -> {
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

    /** The distinct analysed terms of a query, in order; no query syntax, so any question is safe. */
    private List<String> analyze(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_QUERY_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(terms);
    }

    // ---- plumbing

    @FunctionalInterface
    private interface WriterWork {
        long apply(Generation generation) throws IOException;
    }

    @FunctionalInterface
    private interface SearchWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Changes this thread wrote were discarded before it committed them. */
    private static final class ChangesLostException extends IndexUnavailableException {
        ChangesLostException() {
            super("An earlier write to the index failed and the changes to commit were discarded with it; "
                    + "nothing of them was kept.", null);
        }
    }

    /**
     * Runs a write on the current writer. If it fails, every change not yet committed is discarded and the
     * index reopened at its last commit, so the index never keeps half of anything (see {@link #discard}).
     */
    private void write(WriterWork work, String what) {
        while (true) {
            reopenIfReadOnly(what);
            Exception failure;
            gate.readLock().lock();
            Generation generation = current;
            try {
                if (generation.writer() == null) {
                    continue; // lost again since reopenIfReadOnly: try once more (it throws if it cannot reopen)
                }
                work.apply(generation);
                // The first generation written since the last commit: a caller that writes several times before it
                // commits (a folder pass) must learn at its commit that any of its writes were discarded.
                if (uncommitted.get() == null) {
                    uncommitted.set(generation.number());
                }
                return;
            } catch (ChangesLostException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                failure = e;
            } finally {
                gate.readLock().unlock();
            }
            discard(generation, failure);
            throw writeFailed(what, failure);
        }
    }

    /**
     * Rolls the failed generation's writer back to the last commit and opens a new one. Lucene closes a writer
     * itself after a "tragic" failure (a full disk while flushing, say); a writer that survived a failed
     * commit still holds the uncommitted changes of every thread, which would otherwise go out with the next
     * commit of someone else. Searches keep using the old generation's searchers until they are replaced.
     */
    private void discard(Generation failed, Exception cause) {
        gate.writeLock().lock();
        try {
            if (current != failed) {
                return; // another thread already did
            }
            log.warn("Index write failed ({}); changes not yet committed are discarded and the index reopened at its "
                    + "last commit", rootMessage(cause));
            try {
                failed.writer().rollback();
            } catch (IOException | RuntimeException e) {
                log.debug("Rollback of the failed index writer: {}", e.getMessage());
            }
            current = openGeneration(failed.number() + 1, failed.searchers());
            if (current.searchers() != failed.searchers()) {
                closeQuietly(failed.searchers());
            }
        } finally {
            gate.writeLock().unlock();
        }
    }

    /** A new writer on the last commit, or, when none can be opened now, searchers on the last commit alone. */
    private Generation openGeneration(long number, SearcherManager fallback) {
        IndexWriter writer = null;
        try {
            writer = new IndexWriter(directory, writerConfig());
            return new Generation(number, writer, new SearcherManager(writer, null));
        } catch (IOException | RuntimeException e) {
            log.warn("The index writer cannot be reopened yet ({}); searches use the last commit", rootMessage(e));
            if (writer != null) {
                try {
                    writer.rollback();
                } catch (IOException | RuntimeException ignored) {
                    // it never wrote anything
                }
            }
        }
        try {
            return new Generation(number, null, new SearcherManager(directory, null));
        } catch (IOException | RuntimeException e) {
            log.warn("The last commit of the index cannot be opened ({}); searches use what they had", rootMessage(e));
            return new Generation(number, null, fallback);
        }
    }

    /** After a failure that left no writer, the next write tries to open one (space may have been freed). */
    private void reopenIfReadOnly(String what) {
        if (current.writer() != null) {
            return;
        }
        gate.writeLock().lock();
        try {
            Generation readOnly = current;
            if (readOnly.writer() != null) {
                return;
            }
            IndexWriter writer;
            SearcherManager searchers;
            try {
                writer = new IndexWriter(directory, writerConfig());
            } catch (IOException | RuntimeException e) {
                throw writeFailed(what, e);
            }
            try {
                searchers = new SearcherManager(writer, null);
            } catch (IOException | RuntimeException e) {
                try {
                    writer.rollback();
                } catch (IOException | RuntimeException ignored) {
                    // nothing was written
                }
                throw writeFailed(what, e);
            }
            current = new Generation(readOnly.number() + 1, writer, searchers);
            closeQuietly(readOnly.searchers());
            log.info("Index writer reopened at {}", directoryPath);
        } finally {
            gate.writeLock().unlock();
        }
    }

    private RuntimeException writeFailed(String what, Exception e) {
        if (StorageFullException.isCause(e, directoryPath)) {
            return new StorageFullException("The disk holding the index is full: could not " + what
                    + ". Searches still work; free some space and try again.", e);
        }
        return new IndexUnavailableException("Index failed to " + what + ": " + rootMessage(e), e);
    }

    private <T> T search(SearchWork<T> work, String what) {
        for (int attempt = 1; ; attempt++) {
            SearcherManager manager = current.searchers();
            IndexSearcher searcher;
            try {
                searcher = manager.acquire();
            } catch (AlreadyClosedException e) {
                if (attempt < 5) {
                    continue; // replaced by a new generation meanwhile
                }
                throw new IndexUnavailableException("Index failed to " + what + ": " + e.getMessage(), e);
            } catch (IOException e) {
                throw new IndexUnavailableException("Index failed to " + what + ": " + e.getMessage(), e);
            }
            try {
                return work.apply(searcher);
            } catch (IOException | RuntimeException e) {
                throw new IndexUnavailableException("Index failed to " + what + ": " + e.getMessage(), e);
            } finally {
                try {
                    manager.release(searcher);
                } catch (IOException e) {
                    log.debug("Releasing a searcher: {}", e.getMessage());
                }
            }
        }
    }

    private void refreshQuietly() {
        try {
            current.searchers().maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.debug("Background index refresh failed: {}", e.getMessage());
        }
    }

    private static void closeQuietly(SearcherManager searchers) {
        try {
            searchers.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing old searchers: {}", e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() throws IOException {
        refresher.shutdownNow();
        gate.writeLock().lock();
        try {
            Generation last = current;
            closeQuietly(last.searchers());
            if (last.writer() != null) {
                try {
                    last.writer().close();
                } catch (IOException | RuntimeException e) {
                    log.warn("Index at {} could not commit on close ({}); it reopens at its last commit",
                            directoryPath, rootMessage(e));
                    last.writer().rollback();
                }
            }
        } finally {
            gate.writeLock().unlock();
            directory.close();
        }
        log.info("Index at {} closed", directoryPath);
    }
}
