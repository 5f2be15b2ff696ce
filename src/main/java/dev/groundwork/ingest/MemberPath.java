package dev.groundwork.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a member of a container lives, in the form kept in {@code DocumentRecord.paths}: the container's recorded path,
 * {@value #SEPARATOR}, and the member's name in it: {@code uploads/3f2a.../archive.zip//inner/report.pdf},
 * {@code //notes/mail/inbox.mbox//0003.eml}. A recorded path of a file never holds {@value #SEPARATOR} after its
 * source's prefix ({@link SourcePath} refuses it), so a member's path cannot be taken for a file's, nor the other way
 * round; and the member's name, made safe ({@link MemberNames}), holds no {@value #SEPARATOR} either.
 *
 * @param container the container's recorded path
 * @param name      the member's name in the container ({@code inner/report.pdf}, {@code old.zip/notes.txt})
 */
public record MemberPath(String container, String name) {

    static final String SEPARATOR = "//";

    public MemberPath {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(name, "name");
        SourcePath.of(container);
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains(SEPARATOR)) {
            throw new IllegalArgumentException("Not a member name: " + name);
        }
    }

    /** The member a recorded path names, or empty when it is the path of a file. */
    public static Optional<MemberPath> of(String recorded) {
        int from = recorded.startsWith(SEPARATOR) ? SEPARATOR.length() : 0;
        int separator = recorded.indexOf(SEPARATOR, from);
        if (separator < 0) {
            return Optional.empty();
        }
        return Optional.of(new MemberPath(recorded.substring(0, separator),
                recorded.substring(separator + SEPARATOR.length())));
    }

    /** Whether a recorded path is a member's (not a file's). */
    public static boolean isMember(String recorded) {
        return of(recorded).isPresent();
    }

    /** The form kept in the index. */
    public String recorded() {
        return container + SEPARATOR + name;
    }

    /** The prefix of the recorded paths of every member of the container at {@code containerPath}. */
    static String prefixOf(String containerPath) {
        return containerPath + SEPARATOR;
    }

    /** The name a member is shown and cited by: {@code archive.zip/inner/report.pdf}. */
    public String displayName() {
        return displayName(container.substring(container.lastIndexOf('/') + 1), name);
    }

    static String displayName(String containerFileName, String name) {
        return containerFileName + "/" + name;
    }

    @Override
    public String toString() {
        return recorded();
    }
}
