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
        /** The file is larger than the configured limit. */
        TOO_LARGE,
        /** Damaged or not what its type claims. */
        MALFORMED,
        /** Protected by a password. */
        ENCRYPTED,
        /**
         * Unpacks into more than the limits allow: too much text, too many embedded files, a compression ratio
         * or XML entity expansion of a bomb, or more memory than a parser worker has.
         */
        EXPANDS_TOO_MUCH,
        /** Attachments, archives or elements nested deeper than the limit. */
        TOO_DEEP,
        /** More pages than the limit. */
        TOO_MANY_PAGES,
        /** An image (or a frame of one) of more pixels than the OCR limit: refused before it is decoded. */
        TOO_MANY_PIXELS,
        /** Still parsing when the time limit ran out. */
        TIMEOUT,
        /** An archive or a mailbox none of whose members could be read (each has its own reason). */
        NO_READABLE_MEMBERS
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
