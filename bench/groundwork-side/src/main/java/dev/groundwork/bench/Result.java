package dev.groundwork.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a contender JVM hands back to the driver: one line {@code RESULT key=value key=value ...} on its standard
 * output, numbers or words without spaces. Plain text, so that both sides of the bench (which share no library)
 * can write it.
 */
public final class Result {

    public static final String PREFIX = "RESULT ";

    private final Map<String, String> values = new LinkedHashMap<>();

    public Result put(String key, Object value) {
        values.put(key, String.valueOf(value).replace(' ', '_'));
        return this;
    }

    public void print() {
        StringBuilder line = new StringBuilder(PREFIX);
        values.forEach((key, value) -> line.append(key).append('=').append(value).append(' '));
        System.out.println(line.toString().strip());
        System.out.flush();
    }

    static Map<String, String> parse(String line) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String pair : line.substring(PREFIX.length()).trim().split(" +")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parsed.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return parsed;
    }
}
