package dev.groundwork.mcp;

import dev.groundwork.ingest.DocumentNotFoundException;
import dev.groundwork.ingest.IngestionService;
import dev.groundwork.retrieve.RetrievalSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What {@code search_documents} and {@code ask} both take: a text to search for (the query, the question), how many
 * passages, and which documents.
 */
record QuestionArguments(String text, Integer k, Set<String> documentIds) {

    static final String K = "k";
    static final String DOCUMENT_IDS = "documentIds";

    /** The arguments' schema, the text's argument named {@code name}. */
    static Map<String, Object> schema(String name, String description, String kDescription,
                                      RetrievalSettings settings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(name, ToolSchemas.text(description, settings.maxQueryChars()));
        properties.put(K, ToolSchemas.integer(kDescription + " (default " + settings.topK() + ").", 1,
                settings.maxTopK()));
        properties.put(DOCUMENT_IDS, ToolSchemas.documentIds());
        return ToolSchemas.object(properties, name);
    }

    static Set<String> names(String name) {
        return Set.of(name, K, DOCUMENT_IDS);
    }

    static QuestionArguments read(ToolArguments arguments, String name) {
        return new QuestionArguments(arguments.requiredText(name), arguments.integer(K),
                arguments.documentIds(DOCUMENT_IDS));
    }

    /** A filter on a document that does not exist would silently find nothing: refused, as the API's ask does. */
    QuestionArguments requireKnownDocuments(IngestionService ingestion) {
        for (String id : documentIds) {
            if (ingestion.find(id).isEmpty()) {
                throw new DocumentNotFoundException(id);
            }
        }
        return this;
    }
}
