package dev.groundwork.ingest;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.util.Objects;

/** Why something was not read: the public code and a sentence Groundwork worded. */
public record Refusal(Reason reason, String detail) {

    public Refusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    static Refusal of(RejectedDocumentException e) {
        return new Refusal(e.reason(), e.getMessage());
    }
}
