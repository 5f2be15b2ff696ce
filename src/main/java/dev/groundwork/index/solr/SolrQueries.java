package dev.groundwork.index.solr;

import static dev.groundwork.index.solr.SolrFields.*;

import dev.groundwork.index.ChunkFilter;
import dev.groundwork.index.QueryTerms;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.solr.common.params.ModifiableSolrParams;

/**
 * The embedded index's queries, asked of Solr. Text: the question is analysed here with the same EnglishAnalyzer as
 * the schema's fields, and each distinct term is asked as an exact term of the text and, weighted by the context
 * boost, of the context ({@code term} queries, summed by a {@code bool} query: BM25 as in the embedded index, with no
 * query syntax and nothing analysed twice). Vectors: Solr's HNSW query for at least {@code knn-candidates}, the best
 * {@code limit} kept. Filters by document and content type narrow both before they rank.
 */
final class SolrQueries {


    private final Analyzer analyzer = new EnglishAnalyzer();
    private final double contextBoost;
    private final int knnCandidates;

    SolrQueries(double contextBoost, int knnCandidates) {
        this.contextBoost = contextBoost;
        this.knnCandidates = knnCandidates;
    }

    /** BM25 over text and context; empty when the query has no searchable word. */
    Optional<ModifiableSolrParams> text(String query, int limit, ChunkFilter filter) {
        List<String> terms = QueryTerms.of(analyzer, query);
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        ModifiableSolrParams params = new ModifiableSolrParams();
        StringBuilder bool = new StringBuilder("{!bool");
        for (int i = 0; i < terms.size(); i++) {
            // the term travels as a parameter of its own: nothing in it is read as syntax
            params.set("w" + i, terms.get(i));
            params.set("t" + i, "{!term f=" + TEXT + " v=$w" + i + "}");
            bool.append(" should=$t").append(i);
            if (contextBoost > 0) {
                params.set("c" + i, "{!boost b=" + contextBoost + " v=$ct" + i + "}");
                params.set("ct" + i, "{!term f=" + CONTEXT + " v=$w" + i + "}");
                bool.append(" should=$c").append(i);
            }
        }
        params.set("q", bool.append("}").toString());
        params.add("fq", KIND + ":" + KIND_CHUNK);
        filters(params, filter);
        page(params, limit);
        return Optional.of(params);
    }

    /** The chunks nearest a unit vector. */
    ModifiableSolrParams vector(float[] vector, int limit, ChunkFilter filter) {
        StringBuilder values = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                values.append(',');
            }
            values.append(vector[i]);
        }
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "{!knn f=" + VECTOR + " topK=" + Math.max(limit, knnCandidates) + "}" + values.append(']'));
        // filter queries narrow the HNSW search itself (pre-filtering), as the embedded index's filter does
        filters(params, filter);
        page(params, limit);
        return params;
    }

    /** The one chunk of this id ({@code documentId/ordinal}), with its stored fields. */
    ModifiableSolrParams chunk(String chunkId) {
        ModifiableSolrParams params = new ModifiableSolrParams();
        // the id travels as a parameter of its own: nothing in it is read as syntax
        params.set("cid", chunkId);
        params.set("q", "{!term f=" + ID + " v=$cid}");
        params.add("fq", KIND + ":" + KIND_CHUNK);
        page(params, 1);
        return params;
    }

    /** Up to {@code limit} chunks of a document, with their stored fields. */
    ModifiableSolrParams chunksOf(String documentId, int limit) {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("did", documentId);
        params.set("q", "{!term f=" + DOC_ID + " v=$did}");
        params.add("fq", KIND + ":" + KIND_CHUNK);
        page(params, limit);
        return params;
    }

    /**
     * The best {@code limit} chunks with their stored fields, each shard answering in a single pass: in two passes
     * (ids first, fields by id after) a commit between them could give a chunk of one version of a document the
     * fields of another. One pass reads both from one searcher, so a document is seen whole, old or new.
     */
    private static void page(ModifiableSolrParams params, int limit) {
        params.set("rows", limit);
        params.set("fl", CHUNK_FIELDS);
        params.set("distrib.singlePass", true);
    }

    private static void filters(ModifiableSolrParams params, ChunkFilter filter) {
        if (!filter.documentIds().isEmpty()) {
            // document ids are hexadecimal: a comma cannot be in one
            params.add("fq", "{!terms f=" + DOC_ID + "}" + String.join(",", filter.documentIds()));
        }
        if (!filter.contentTypes().isEmpty()) {
            params.add("fq", anyOf(params, "ft", CONTENT_TYPE, filter.contentTypes()));
        }
    }

    /** Any of these exact values of a field, each a parameter of its own (a content type may hold a comma). */
    private static String anyOf(ModifiableSolrParams params, String prefix, String field, Set<String> values) {
        StringBuilder bool = new StringBuilder("{!bool");
        int i = 0;
        for (String value : values) {
            params.set(prefix + "v" + i, value);
            params.set(prefix + i, "{!term f=" + field + " v=$" + prefix + "v" + i + "}");
            bool.append(" should=$").append(prefix).append(i);
            i++;
        }
        return bool.append("}").toString();
    }

}
