package dev.groundwork.mcp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one tool call, read by name and type. A client may send anything: a name the tool does not take,
 * a number as text, a list of numbers; each is refused with {@code INVALID_ARGUMENT} and a sentence that says which
 * argument and what it must be, never a crash or an empty result.
 */
final class ToolArguments {

    /** More documents than this in one filter is a mistake, not a question (as the API's 1,000). */
    static final int MAX_DOCUMENT_IDS = 1000;

    private final String tool;
    private final Map<String, Object> values;

    private ToolArguments(String tool, Map<String, Object> values) {
        this.tool = tool;
        this.values = values;
    }

    /** @throws ToolFailure {@code INVALID_ARGUMENT} when an argument is not one of {@code known} */
    static ToolArguments of(String tool, Map<String, Object> arguments, Set<String> known) {
        Map<String, Object> values = arguments == null ? Map.of() : arguments;
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw invalid(tool + " takes no argument '" + name + "'; it takes " + String.join(", ", new java.util.TreeSet<>(known)) + ".");
            }
        }
        return new ToolArguments(tool, values);
    }

    /** A text argument; null when absent. */
    String text(String name) {
        Object value = values.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw invalid("'" + name + "' must be a string.");
    }

    /** A text argument that must be given (blank text is for the service to judge, with its own code). */
    String requiredText(String name) {
        String value = text(name);
        if (value == null) {
            throw invalid(tool + " needs '" + name + "'.");
        }
        return value;
    }

    /** A whole number; null when absent. 5.0 is 5; 5.5 and "5" are refused. */
    Integer integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            double asDouble = number.doubleValue();
            if (asDouble == Math.rint(asDouble) && Math.abs(asDouble) <= Integer.MAX_VALUE) {
                return (int) asDouble;
            }
        }
        throw invalid("'" + name + "' must be a whole number.");
    }

    /** Document ids to restrict to, each once; empty when absent. */
    Set<String> documentIds(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof List<?> list)) {
            throw invalid("'" + name + "' must be a list of document ids, as list_documents returns them.");
        }
        List<String> ids = new ArrayList<>(list.size());
        for (Object id : list) {
            if (!(id instanceof String text) || text.isBlank()) {
                throw invalid("'" + name + "' must hold document ids (strings), as list_documents returns them.");
            }
            ids.add(text.strip());
        }
        Set<String> distinct = new LinkedHashSet<>(ids);
        if (distinct.size() > MAX_DOCUMENT_IDS) {
            throw new ToolFailure("TOO_MANY_DOCUMENTS", "Name at most " + MAX_DOCUMENT_IDS + " documents.");
        }
        return distinct;
    }

    private static ToolFailure invalid(String detail) {
        return new ToolFailure("INVALID_ARGUMENT", detail);
    }
}
