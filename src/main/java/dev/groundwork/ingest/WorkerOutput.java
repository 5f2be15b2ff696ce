package dev.groundwork.ingest;

/** Text a parse worker produced, made safe to put into the service's log. */
final class WorkerOutput {

    private WorkerOutput() {
    }

    /**
     * The text on one line, with every control character (CR and LF among them, and the escape that starts terminal
     * sequences) and every format character (bidirectional overrides) written as an escape: a worker cannot forge a
     * log line, hide one, or reorder what a terminal shows.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
