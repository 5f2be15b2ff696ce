package dev.groundwork.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a citation marker looks like: {@code [1]}, {@code [1, 2]} and {@code [1;2]}; a run like {@code [1][2]} is two
 * markers. The checks parse answers with it, and the stream tells the page where the markers of the streamed text are.
 */
public final class CitationMarkers {

    static final Pattern MARKER = Pattern.compile("\\[\\s*(\\d{1,6}(?:\\s*[,;]\\s*\\d{1,6})*)\\s*]");

    private CitationMarkers() {
    }

    /** Every marker of a text, in order. */
    public static List<CitationMarker> in(String text) {
        List<CitationMarker> markers = new ArrayList<>();
        Matcher matcher = MARKER.matcher(text);
        while (matcher.find()) {
            markers.add(new CitationMarker(matcher.start(), matcher.end(), numbers(matcher.group(1))));
        }
        return markers;
    }

    /** The numbers of a marker's inside ({@code "1, 2"}); a number too large to be one counts as none. */
    static List<Integer> numbers(String inside) {
        List<Integer> numbers = new ArrayList<>();
        for (String number : inside.split("\\s*[,;]\\s*")) {
            numbers.add(parse(number));
        }
        return numbers;
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
