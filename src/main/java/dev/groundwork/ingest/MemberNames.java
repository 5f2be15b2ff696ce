package dev.groundwork.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The names of a container's members, made safe: an archive's entry names are the archive's author's to choose, and a
 * name is only ever a label under the container, never a place on disk. Each name is cut at {@code /} and {@code \}
 * into segments; empty, {@code .} and {@code ..} segments go (so {@code ../../x.pdf} is {@code x.pdf}, kept inside),
 * each segment is cleaned as a client's file name is ({@link SafeFileNames}), and the same name twice in one
 * container gets a number. Members whose path has a hidden segment ({@code .DS_Store}, {@code ._report.pdf}) or sits
 * in macOS's {@code __MACOSX} folder are no members at all: the folder sync ignores hidden files too.
 */
final class MemberNames {

    /** A longer name is cut: it labels a passage, and two levels of archives rarely need more. */
    private static final int MAX_LENGTH = 600;
    private static final String MAC_RESOURCES = "__MACOSX";

    private final Set<String> taken = new HashSet<>();

    /** The safe name of an entry, unique in this container, or empty when the entry is no member (hidden). */
    Optional<String> next(String raw, String fallback) {
        List<String> segments = segments(raw);
        if (segments.stream().anyMatch(segment -> segment.startsWith(".") || segment.equals(MAC_RESOURCES))) {
            return Optional.empty();
        }
        List<String> safe = new ArrayList<>(segments.size());
        for (String segment : segments) {
            safe.add(SafeFileNames.of(segment));
        }
        String name = safe.isEmpty() ? fallback : String.join("/", safe);
        if (name.length() > MAX_LENGTH) {
            name = name.substring(name.length() - MAX_LENGTH);
            name = name.substring(name.indexOf('/') + 1);
        }
        return Optional.of(unique(name));
    }

    private String unique(String name) {
        String candidate = name;
        for (int copy = 2; !taken.add(candidate); copy++) {
            int dot = name.lastIndexOf('.');
            boolean extension = dot > name.lastIndexOf('/') + 1;
            candidate = extension ? name.substring(0, dot) + " (" + copy + ")" + name.substring(dot)
                    : name + " (" + copy + ")";
        }
        return candidate;
    }

    private static List<String> segments(String raw) {
        List<String> segments = new ArrayList<>();
        if (raw == null) {
            return segments;
        }
        for (String segment : raw.split("[/\\\\]")) {
            String trimmed = segment.strip();
            if (!trimmed.isEmpty() && !trimmed.equals(".") && !trimmed.equals("..")) {
                segments.add(trimmed);
            }
        }
        return segments;
    }
}
