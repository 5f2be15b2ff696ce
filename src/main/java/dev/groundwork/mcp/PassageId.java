package dev.groundwork.mcp;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a passage stands, as the tools name it: its document's id and its ordinal in that document, written
 * {@code 3f2a9c0d41b7e865:12}. Stable while the document is not re-indexed with other settings.
 */
record PassageId(String documentId, int ordinal) {

    private static final Pattern FORM = Pattern.compile("([0-9a-f]{16}):(\\d{1,9})");

    static PassageId of(String documentId, int ordinal) {
        return new PassageId(documentId, ordinal);
    }

    /** @throws ToolFailure {@code INVALID_PASSAGE_ID} for anything but a document id, a colon and an ordinal */
    static PassageId parse(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new ToolFailure("INVALID_PASSAGE_ID", "A passage id is a document id, a colon and a number, such as "
                    + "3f2a9c0d41b7e865:12, as search_documents and ask return them.");
        }
        return new PassageId(matcher.group(1), Integer.parseInt(matcher.group(2)));
    }

    @Override
    public String toString() {
        return documentId + ":" + ordinal;
    }
}
