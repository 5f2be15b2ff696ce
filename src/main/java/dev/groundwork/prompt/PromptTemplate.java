package dev.groundwork.prompt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of one prompt file, cut into literal parts and {@code {{placeholders}}}. Rendering is one pass over
 * the parts: a value that itself holds {@code {{question}}} (a document can) is never expanded again.
 */
final class PromptTemplate {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_-]*)\\s*}}");

    /** A literal part ({@code name == null}) or a placeholder. */
    private record Part(String literal, String name) {
    }

    private final List<Part> parts;
    private final Set<String> placeholders;

    private PromptTemplate(List<Part> parts, Set<String> placeholders) {
        this.parts = List.copyOf(parts);
        this.placeholders = Set.copyOf(placeholders);
    }

    static PromptTemplate parse(String text) {
        List<Part> parts = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int from = 0;
        while (matcher.find()) {
            if (matcher.start() > from) {
                parts.add(new Part(text.substring(from, matcher.start()), null));
            }
            parts.add(new Part(null, matcher.group(1)));
            names.add(matcher.group(1));
            from = matcher.end();
        }
        if (from < text.length()) {
            parts.add(new Part(text.substring(from), null));
        }
        return new PromptTemplate(parts, names);
    }

    Set<String> placeholders() {
        return placeholders;
    }

    String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part.name() == null) {
                out.append(part.literal());
            } else {
                String value = values.get(part.name());
                if (value == null) {
                    throw new IllegalArgumentException("No value for {{" + part.name() + "}}");
                }
                out.append(value);
            }
        }
        return out.toString();
    }
}
