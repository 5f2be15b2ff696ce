package dev.groundwork.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One write, as the audit log tells it: what was done, how it ended, who did it from where, and to what.
 *
 * @param details ordered; values are written quoted when they hold spaces, quotes or control characters
 */
public record AuditEntry(String action, String outcome, Map<String, String> details) {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/@+\\-\\[\\]]+");

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static AuditEntry of(String action, String outcome) {
        return new AuditEntry(action, outcome, Map.of());
    }

    /** The same entry with one more detail; a null value is left out. */
    public AuditEntry with(String key, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(key, String.valueOf(value));
        return new AuditEntry(action, outcome, more);
    }

    /** The line: {@code action=… outcome=… principal=… via=… credential=… role=… client=… more=…}. */
    String line(Actor actor, String client) {
        StringBuilder line = new StringBuilder();
        base(actor, client).forEach((key, value) -> append(line, key, value));
        details.forEach((key, value) -> append(line, key, value));
        return line.toString();
    }

    /** The line's fields: each a field of its own in a structured (JSON) log line; a detail does not replace one. */
    Map<String, String> fields(Actor actor, String client) {
        Map<String, String> fields = base(actor, client);
        details.forEach(fields::putIfAbsent);
        return fields;
    }

    private Map<String, String> base(Actor actor, String client) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("action", action);
        fields.put("outcome", outcome);
        fields.put("principal", actor.name());
        fields.put("via", actor.via());
        fields.put("credential", actor.credential() == null ? "-" : actor.credential());
        fields.put("role", actor.role() == null ? "-" : actor.role().label());
        fields.put("client", client == null ? "-" : client);
        return fields;
    }

    private static void append(StringBuilder line, String key, String value) {
        if (!line.isEmpty()) {
            line.append(' ');
        }
        line.append(key).append('=').append(quoted(value));
    }

    /** A value as it goes into the line: a client's file name cannot forge a line or a field. */
    static String quoted(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }
}
