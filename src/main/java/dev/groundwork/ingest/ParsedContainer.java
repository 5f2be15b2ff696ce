package dev.groundwork.ingest;

import java.util.List;
import java.util.Objects;

/**
 * An archive or a mailbox as the parser read it: its members in their order, each a document read as if it had come
 * alone, or refused with its own reason.
 *
 * @param damage why the container could not be read past its last member here (a truncated archive, an encrypted
 *               entry); null when it was read to its end
 */
public record ParsedContainer(String contentType, List<ContainerMember> members, Refusal damage)
        implements ParsedFile {

    public ParsedContainer {
        Objects.requireNonNull(contentType, "contentType");
        members = List.copyOf(members);
    }

    /** The members that were read. */
    public List<ContainerMember.Read> read() {
        return members.stream().filter(ContainerMember.Read.class::isInstance).map(ContainerMember.Read.class::cast)
                .toList();
    }
}
