package dev.groundwork.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads JSON Lines files, one object a line; every error names the file and the line. */
final class JsonLines {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Takes one parsed line; throws {@link IllegalArgumentException} to refuse it. */
    @FunctionalInterface
    interface LineHandler {
        void accept(JsonNode line, int number);
    }

    private JsonLines() {
    }

    static void read(Path file, LineHandler handler) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new EvalInputException(file + ": not a readable file");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (JacksonException e) {
                    throw new EvalInputException(file + ", line " + number + ": not valid JSON ("
                            + e.getOriginalMessage() + ")", e);
                }
                if (node == null || !node.isObject()) {
                    throw new EvalInputException(file + ", line " + number + ": expected a JSON object");
                }
                try {
                    handler.accept(node, number);
                } catch (IllegalArgumentException e) {
                    throw new EvalInputException(file + ", line " + number + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new EvalInputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** A required string field; its absence or another type is an {@link IllegalArgumentException}. */
    static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && !value.isNull()) {
                if (!value.isString() && !value.isNumber()) {
                    throw new IllegalArgumentException("field '" + name + "' must be a string");
                }
                return value.asString();
            }
        }
        throw new IllegalArgumentException("missing field '" + String.join("' or '", names) + "'");
    }

    /** An optional string field, or null. */
    static String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() && !value.isNumber()) {
            throw new IllegalArgumentException("field '" + name + "' must be a string");
        }
        return value.asString();
    }
}
