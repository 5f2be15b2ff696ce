package dev.groundwork.sync;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Glob patterns over paths relative to a source folder ({@link java.nio.file.FileSystem#getPathMatcher} syntax).
 * A pattern starting with {@code **}{@code /} also matches at the top level, as users expect from other tools:
 * {@code **}{@code /*.pdf} takes {@code a.pdf} as well as {@code x/a.pdf}.
 */
final class Globs {

    private final List<PathMatcher> matchers;

    private Globs(List<PathMatcher> matchers) {
        this.matchers = matchers;
    }

    /** @throws IllegalArgumentException for a pattern that is not a glob */
    static Globs of(List<String> patterns) {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern == null || pattern.isBlank()) {
                throw new IllegalArgumentException("empty glob pattern");
            }
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            if (pattern.startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)));
            }
        }
        return new Globs(List.copyOf(matchers));
    }

    boolean matchesAny(String relativePath) {
        Path path = Path.of(relativePath);
        return matchers.stream().anyMatch(matcher -> matcher.matches(path));
    }
}
