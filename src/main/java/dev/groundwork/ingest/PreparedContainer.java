package dev.groundwork.ingest;

import dev.groundwork.index.DocumentRecord;
import dev.groundwork.ingest.DocumentPipeline.PreparedDocument;
import java.util.List;
import java.util.Objects;

/**
 * A container (an archive, a mailbox) made ready for the index: its own record, which holds no passages of its own,
 * and its members, each a document of its own.
 *
 * @param damage why the container could not be read past its last member here; null when it was read to its end
 */
public record PreparedContainer(DocumentRecord record, List<Member> members, Refusal damage) implements Prepared {

    public PreparedContainer {
        Objects.requireNonNull(record, "record");
        members = List.copyOf(members);
    }

    /** A member of the container, by its name in it. */
    public sealed interface Member {
        String name();
    }

    /** Parsed, split and embedded. */
    public record Made(String name, PreparedDocument document) implements Member {
    }

    /**
     * Parsed only: its bytes were indexed under the current pipeline when it was made, so it needs no embedding unless
     * that document is gone by the time it is written.
     */
    public record Parsed(String name, FileFacts facts, ParsedDocument document) implements Member {
    }

    /** Not read, and why. */
    public record Refused(String name, Refusal refusal) implements Member {
    }
}
