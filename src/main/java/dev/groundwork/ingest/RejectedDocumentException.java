package dev.groundwork.ingest;

import java.util.Objects;

/** A document the pipeline will not take, with the reason as a stable code for clients. */
public class RejectedDocumentException extends RuntimeException {

    /** Why a document was refused; the names are the public problem codes. */
    public enum Reason {
        /** Empty, or a type the pipeline cannot read. */
        UNSUPPORTED_TYPE,
        /** Readable, but holds no text (an image-only PDF, say). */
        NO_TEXT,
        /** Larger than the configured limit. */
        TOO_LARGE,
        /** Damaged or not what its type claims. */
        MALFORMED,
        /** Protected by a password. */
        ENCRYPTED
    }

    private final Reason reason;

    public RejectedDocumentException(Reason reason, String message) {
        this(reason, message, null);
    }

    public RejectedDocumentException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }
}
