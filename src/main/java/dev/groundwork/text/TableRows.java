package dev.groundwork.text;

import java.util.List;

/**
 * How a table row is written in a document's text: its cells on one line, joined by {@code " | "} ("Plan | Price").
 * The parsers write rows so; the answerers recognise them, to quote a row with its header row.
 */
public final class TableRows {

    /** What stands between two cells of a row. */
    public static final String CELL_SEPARATOR = " | ";

    private TableRows() {
    }

    /** A row of these cells. */
    public static String row(List<String> cells) {
        return String.join(CELL_SEPARATOR, cells);
    }

    /** Whether a line of text is a table row: more than one cell, on one line. */
    public static boolean isRow(String text) {
        return text.contains(CELL_SEPARATOR) && text.indexOf('\n') < 0;
    }
}
