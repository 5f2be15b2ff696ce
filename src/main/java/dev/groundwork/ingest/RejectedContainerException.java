package dev.groundwork.ingest;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.util.List;

/**
 * An archive or a mailbox none of whose members could be read: refused as a whole, with each member's own reason, so
 * a client can say why (photos only, every file encrypted, an empty archive).
 */
public class RejectedContainerException extends RejectedDocumentException {

    private final String fileName;
    private final transient List<PreparedContainer.Refused> members;

    public RejectedContainerException(String fileName, String contentType, List<PreparedContainer.Refused> members,
                                      Refusal damage) {
        super(Reason.NO_READABLE_MEMBERS, sentence(contentType, members, damage));
        this.fileName = fileName;
        this.members = List.copyOf(members);
    }

    /** The container's file name, which its members are named under. */
    public String fileName() {
        return fileName;
    }

    /** Each member and why it was not read, in the container's order. */
    public List<PreparedContainer.Refused> members() {
        return members;
    }

    private static String sentence(String contentType, List<PreparedContainer.Refused> members, Refusal damage) {
        String kind = DocumentTypes.isMailbox(org.apache.tika.mime.MediaType.parse(contentType)) ? "mailbox" : "archive";
        if (members.isEmpty()) {
            return damage != null ? damage.detail() : "The " + kind + " is empty: it holds no file that can be read.";
        }
        return "Nothing in the " + kind + " could be read; each of its " + members.size()
                + " files gives its reason.";
    }
}
