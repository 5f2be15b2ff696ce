package dev.groundwork.index.solr;

import static dev.groundwork.index.solr.SolrFields.*;

import dev.groundwork.index.Chunk;
import dev.groundwork.index.ChunkFilter;
import dev.groundwork.index.ChunkHit;
import dev.groundwork.index.ChunkIndex;
import dev.groundwork.index.DocumentRecord;
import dev.groundwork.index.EmbeddedChunk;
import dev.groundwork.index.IndexStats;
import dev.groundwork.index.IndexUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chunk index on one SolrCloud collection: per document, one block of a record with its chunks nested under it
 * (text for BM25, a vector for HNSW, stored fields for citations), so that an upsert replaces the block in one Lucene
 * update on every replica: readers see all old or all new chunks. Writes are acknowledged by Solr once every live
 * replica of the shard has them in its transaction log; {@link #commit} is a hard commit, flushed to disk on every
 * replica and made visible to searches. The same queries as the embedded index are asked of Solr
 * ({@link SolrQueries}), with exact distributed term statistics.
 */
public final class SolrChunkIndex implements ChunkIndex {

    private static final Logger log = LoggerFactory.getLogger(SolrChunkIndex.class);
    /** Records read per request when all are listed: deep paging with a cursor, not offsets. */
    private static final int PAGE = 1000;

    private final SolrClient client;
    private final String collection;
    private final SolrQueries queries;
    private volatile boolean vectorsComparable = true;

    SolrChunkIndex(SolrClient client, String collection, SolrQueries queries) {
        this.client = client;
        this.collection = collection;
        this.queries = queries;
    }

    String collection() {
        return collection;
    }

    /** See {@link dev.groundwork.index.IndexGenerations#vectorsComparable(boolean)}. */
    void vectorsComparable(boolean comparable) {
        this.vectorsComparable = comparable;
    }

    @Override
    public boolean vectorsComparable() {
        return vectorsComparable;
    }

    // ---- writes

    @Override
    public void upsert(DocumentRecord document, List<EmbeddedChunk> chunks, Collection<String> replacing) {
        UpdateRequest update = new UpdateRequest();
        // one block: Solr deletes the old block of this id and adds the new one in one Lucene update
        update.add(SolrEntries.block(document, chunks, vectorsComparable));
        Set<String> others = new LinkedHashSet<>(replacing);
        others.remove(document.id());
        others.forEach(update::deleteById);
        SolrFailures.call("write document " + document.id() + " to " + collection,
                () -> update.process(client, collection));
    }

    @Override
    public void updateRecord(DocumentRecord document) {
        UpdateRequest update = new UpdateRequest();
        update.add(SolrEntries.recordUpdate(document));
        SolrFailures.call("update document " + document.id() + " in " + collection,
                () -> update.process(client, collection));
    }

    @Override
    public boolean delete(String documentId) {
        boolean present = find(documentId).isPresent();
        // deleting the top of a block by id takes its nested chunks with it
        UpdateRequest delete = new UpdateRequest();
        delete.deleteById(documentId);
        SolrFailures.call("delete document " + documentId + " from " + collection,
                () -> delete.process(client, collection));
        return present;
    }

    /** A hard commit on every shard and replica: durable there, and visible to searches once it returns. */
    @Override
    public void commit() {
        SolrFailures.call("commit to " + collection, () -> client.commit(collection, true, true));
    }

    /** Records what pipeline this collection was built with, in a marker entry of its own, and commits. */
    void recordBuiltWith(String pipeline) {
        SolrInputDocument marker = new SolrInputDocument();
        marker.setField(ID, GENERATION_ID);
        marker.setField(KIND, KIND_GENERATION);
        marker.setField(PIPELINE, pipeline);
        SolrFailures.call("record the pipeline of " + collection, () -> client.add(collection, marker));
        commit();
    }

    /** The pipeline recorded by {@link #recordBuiltWith}, if any. */
    Optional<String> builtWith() {
        SolrDocument marker = SolrFailures.read("read the pipeline of " + collection,
                () -> client.getById(collection, GENERATION_ID));
        return marker == null ? Optional.empty() : Optional.ofNullable((String) marker.getFirstValue(PIPELINE));
    }

    // ---- reads

    /** The document as last written (a real-time get: it needs no commit, so every node sees the latest write). */
    @Override
    public Optional<DocumentRecord> find(String documentId) {
        ModifiableSolrParams fields = new ModifiableSolrParams().set("fl", RECORD_FIELDS);
        SolrDocumentList found = SolrFailures.read("find document " + documentId + " in " + collection,
                () -> client.getById(collection, List.of(documentId), fields));
        return found.stream().filter(entry -> KIND_RECORD.equals(entry.getFirstValue(KIND)))
                .findFirst().map(SolrEntries::toRecord);
    }

    @Override
    public List<DocumentRecord> documents() {
        List<DocumentRecord> all = new ArrayList<>();
        SolrQuery query = new SolrQuery("*:*")
                .addFilterQuery(KIND + ":" + KIND_RECORD)
                .setFields(RECORD_FIELDS)
                .setRows(PAGE)
                .setSort(ADDED_AT, SolrQuery.ORDER.desc)
                .addSort(ID, SolrQuery.ORDER.asc);
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        while (true) {
            query.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse page = search(query, "list documents");
            page.getResults().forEach(entry -> all.add(SolrEntries.toRecord(entry)));
            String nextCursor = page.getNextCursorMark();
            if (cursor.equals(nextCursor)) {
                break;
            }
            cursor = nextCursor;
        }
        all.sort(Comparator.comparing(DocumentRecord::addedAt).reversed().thenComparing(DocumentRecord::id));
        return all;
    }

    @Override
    public IndexStats stats() {
        SolrQuery query = new SolrQuery("*:*").setRows(0).setFacet(true).addFacetField(KIND).setFacetMinCount(1);
        FacetField kinds = search(query, "count documents").getFacetField(KIND);
        Map<String, Long> counts = new HashMap<>();
        kinds.getValues().forEach(count -> counts.put(count.getName(), count.getCount()));
        return new IndexStats(counts.getOrDefault(KIND_RECORD, 0L), counts.getOrDefault(KIND_CHUNK, 0L),
                "solr:" + collection);
    }

    @Override
    public List<ChunkHit> searchText(String query, int limit, ChunkFilter filter) {
        return queries.text(query, limit, filter)
                .map(params -> toHits(search(params, "text search"), false))
                .orElse(List.of());
    }

    @Override
    public List<ChunkHit> searchVector(float[] vector, int limit, ChunkFilter filter) {
        if (!vectorsComparable) {
            throw new IndexUnavailableException("Vector search is unavailable until the index rebuilt for the "
                    + "configured encoder is switched in; text search works meanwhile.", null);
        }
        return toHits(search(queries.vector(vector, limit, filter), "vector search"), true);
    }

    /** A search for the chunk's id, as it is kept ({@code documentId/ordinal}); sees what searches see. */
    @Override
    public Optional<ChunkHit> chunk(String documentId, int ordinal) {
        if (ordinal < 0) {
            return Optional.empty();
        }
        QueryResponse found = search(queries.chunk(documentId + "/" + ordinal),
                "read chunk " + ordinal + " of " + documentId);
        return toHits(found, false).stream().findFirst()
                .map(hit -> new ChunkHit(hit.document(), hit.chunk(), 0));
    }

    /** All of them in one request: the record says how many there are (a document has hundreds, not millions). */
    @Override
    public List<Chunk> passages(String documentId) {
        Optional<DocumentRecord> record = find(documentId);
        if (record.isEmpty() || record.get().chunks() == 0) {
            return List.of();
        }
        // a few more rows than the record counts: a newer version written since may have more
        QueryResponse found = search(queries.chunksOf(documentId, record.get().chunks() + PAGE),
                "read the passages of " + documentId);
        List<Chunk> chunks = new ArrayList<>(found.getResults().size());
        found.getResults().forEach(entry -> chunks.add(SolrEntries.toChunk(entry)));
        chunks.sort(Comparator.comparingInt(Chunk::ordinal));
        return chunks;
    }

    private QueryResponse search(ModifiableSolrParams params, String what) {
        // POST: a question's vector is a few kilobytes of parameters
        QueryRequest request = new QueryRequest(params, SolrRequest.METHOD.POST);
        return SolrFailures.read(what + " in " + collection, () -> request.process(client, collection));
    }

    private QueryResponse search(SolrQuery query, String what) {
        return search(new ModifiableSolrParams(query), what);
    }

    /**
     * The hits with their documents' records as they are now (one real-time get for all). A record gone meanwhile
     * means its document was deleted after the search saw it: its chunks are left out, as a search a moment later
     * would not have found them.
     */
    private List<ChunkHit> toHits(QueryResponse response, boolean cosine) {
        SolrDocumentList entries = response.getResults();
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<String> documentIds = new LinkedHashSet<>();
        entries.forEach(entry -> documentIds.add((String) entry.getFirstValue(DOC_ID)));
        ModifiableSolrParams fields = new ModifiableSolrParams().set("fl", RECORD_FIELDS);
        Map<String, DocumentRecord> records = new HashMap<>();
        SolrFailures.read("read the documents of hits in " + collection,
                () -> client.getById(collection, documentIds, fields))
                .stream().filter(entry -> KIND_RECORD.equals(entry.getFirstValue(KIND)))
                .map(SolrEntries::toRecord).forEach(record -> records.put(record.id(), record));
        List<ChunkHit> hits = new ArrayList<>(entries.size());
        for (SolrDocument entry : entries) {
            DocumentRecord record = records.get((String) entry.getFirstValue(DOC_ID));
            if (record == null) {
                log.debug("Hit of document {} left out: the document was deleted after the search",
                        entry.getFirstValue(DOC_ID));
                continue;
            }
            float score = ((Number) entry.getFirstValue(SCORE)).floatValue();
            // Lucene scores DOT_PRODUCT as (1 + cos) / 2, in Solr as embedded; callers get the cosine itself
            hits.add(new ChunkHit(record, SolrEntries.toChunk(entry), cosine ? 2 * score - 1 : score));
        }
        return hits;
    }
}
