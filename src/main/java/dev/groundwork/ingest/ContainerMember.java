package dev.groundwork.ingest;

import java.util.Objects;

/**
 * One member of a container: an archive's file (named by its path inside the archive, nested archives included:
 * {@code inner/report.pdf}, {@code old.zip/notes.txt}) or a mailbox's message.
 */
public sealed interface ContainerMember {

    /** Where the member is inside its container; never empty, never a path out of it (see {@link MemberNames}). */
    String name();

    /**
     * A member read as a document.
     *
     * @param facts the identity of its bytes, as if it had come alone (a message with no bytes of its own, in a PST:
     *              of its text)
     */
    record Read(String name, FileFacts facts, ParsedDocument document) implements ContainerMember {
        public Read {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(document, "document");
        }
    }

    /** A member that is not read, and why. */
    record Refused(String name, Refusal refusal) implements ContainerMember {
        public Refused {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(refusal, "refusal");
        }
    }
}
