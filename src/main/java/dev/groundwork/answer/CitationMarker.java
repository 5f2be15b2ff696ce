package dev.groundwork.answer;

import java.util.List;

/**
 * A citation marker in a text: {@code [1]} or {@code [1, 2]} at {@code start..end}, citing those sources. The only place
 * that knows what a marker looks like is {@link CitationMarkers}; the web page is given markers, never finds them.
 */
public record CitationMarker(int start, int end, List<Integer> citations) {

    public CitationMarker {
        citations = List.copyOf(citations);
        if (start < 0 || end <= start || citations.isEmpty()) {
            throw new IllegalArgumentException("invalid marker " + start + ".." + end + " citing " + citations);
        }
    }
}
