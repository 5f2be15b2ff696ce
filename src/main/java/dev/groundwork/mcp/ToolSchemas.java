package dev.groundwork.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON Schema fragments of the tools' arguments, written once. */
final class ToolSchemas {

    private ToolSchemas() {
    }

    static Map<String, Object> object(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of(required));
        schema.put("additionalProperties", false);
        return schema;
    }

    static Map<String, Object> text(String description, int maxLength) {
        return Map.of("type", "string", "minLength", 1, "maxLength", maxLength, "description", description);
    }

    static Map<String, Object> integer(String description, int minimum, int maximum) {
        return Map.of("type", "integer", "minimum", minimum, "maximum", maximum, "description", description);
    }

    static Map<String, Object> documentIds() {
        return Map.of("type", "array", "items", Map.of("type", "string"), "maxItems", ToolArguments.MAX_DOCUMENT_IDS,
                "description", "Only these documents (ids from list_documents); leave out to use all.");
    }
}
