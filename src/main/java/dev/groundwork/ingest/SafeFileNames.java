package dev.groundwork.ingest;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes a file name the service can store from whatever a client sent: no folders, no control, format or
 * bidirectional characters, nothing a file system reserves, no more than {@value #MAX_LENGTH} characters.
 */
final class SafeFileNames {

    static final int MAX_LENGTH = 120;
    private static final String FALLBACK = "document";
    private static final Pattern UNSAFE = Pattern.compile("[^\\p{L}\\p{M}\\p{N} ._()\\[\\]+,;=@&'~-]");
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private SafeFileNames() {
    }

    static String of(String clientName) {
        String name = clientName == null ? "" : clientName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints()
                .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .forEach(kept::appendCodePoint);
        name = UNSAFE.matcher(kept).replaceAll("_").replaceAll("\\s+", " ").replaceAll("_{2,}", "_");
        name = stripDotsAndSpaces(name);
        name = shorten(name);
        if (name.isEmpty() || name.chars().allMatch(c -> c == '_')) {
            return FALLBACK;
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        return RESERVED.contains(base.toLowerCase(Locale.ROOT)) ? "_" + name : name;
    }

    /**
     * Strips leading and trailing dots and spaces. A loop, not {@code [ .]+$}: that pattern is tried at every
     * position of a long run of dots and spaces not at the end, in time quadratic in the run.
     */
    private static String stripDotsAndSpaces(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && (name.charAt(start) == ' ' || name.charAt(start) == '.')) {
            start++;
        }
        while (end > start && (name.charAt(end - 1) == ' ' || name.charAt(end - 1) == '.')) {
            end--;
        }
        return name.substring(start, end);
    }

    /** Shortens the base name, keeping a short extension, without splitting a surrogate pair. */
    private static String shorten(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        int keep = MAX_LENGTH - extension.length();
        if (Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--;
        }
        return name.substring(0, keep).strip() + extension;
    }
}
