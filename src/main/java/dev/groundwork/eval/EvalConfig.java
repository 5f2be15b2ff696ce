package dev.groundwork.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One configuration to measure: a name and the {@code groundwork.*} settings it changes from the defaults.
 * Written {@code name=key=value,key=value}, with keys as in the README's table, the {@code groundwork.}
 * prefix optional: {@code bm25=retrieval.vector-weight=0}.
 */
record EvalConfig(String name, Map<String, String> settings) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String PREFIX = "groundwork.";

    EvalConfig {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a configuration name is letters, digits, '.', '_' or '-' (got '"
                    + name + "')");
        }
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    static EvalConfig parse(String spec) {
        String trimmed = spec.strip();
        int equals = trimmed.indexOf('=');
        String name = equals < 0 ? trimmed : trimmed.substring(0, equals);
        Map<String, String> settings = new LinkedHashMap<>();
        if (equals >= 0) {
            for (String pair : trimmed.substring(equals + 1).split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int at = pair.indexOf('=');
                if (at <= 0) {
                    throw new IllegalArgumentException("configuration '" + name + "': '" + pair
                            + "' is not key=value");
                }
                String key = pair.substring(0, at).strip();
                settings.put(key.startsWith(PREFIX) ? key : PREFIX + key, pair.substring(at + 1).strip());
            }
        }
        return new EvalConfig(name, settings);
    }

    /**
     * The settings that shape the index (encoder, splitting, parsing), sorted: configurations that agree on them
     * can share one index. Retrieval settings and the BM25 context boost act at query time only.
     */
    String indexKey() {
        Map<String, String> sorted = new TreeMap<>();
        settings.forEach((key, value) -> {
            if (!key.startsWith(PREFIX + "retrieval.") && !key.equals(PREFIX + "index.context-boost")
                    && !key.equals(PREFIX + "index.refresh-interval")) {
                sorted.put(key, value);
            }
        });
        return sorted.toString();
    }

    /** The settings as Spring command-line arguments, which win over the environment and application.yml. */
    String[] arguments() {
        return settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    String describe() {
        return settings.isEmpty() ? "defaults" : String.join(", ", settings.entrySet().stream()
                .map(e -> e.getKey().substring(PREFIX.length()) + "=" + e.getValue()).toList());
    }
}
