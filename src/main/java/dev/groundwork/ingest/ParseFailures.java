package dev.groundwork.ingest;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import java.util.Locale;
import java.util.Optional;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a limit a parser enforced itself (Tika's zip-bomb guard, POI's inflate ratio, the XML parser's entity
 * limit) from a damaged file. Those limits come as plain exceptions with known messages; this is the one place
 * that reads them. A parser's own message never reaches a client: it goes to the log, and the client is told the
 * reason in words.
 */
final class ParseFailures {

    private static final Logger log = LoggerFactory.getLogger(ParseFailures.class);
    /** Enough of a parser's message to tell what went wrong, not a page of the document it may quote. */
    private static final int LOGGED_MESSAGE_CHARS = 300;

    private ParseFailures() {
    }

    /** Trips the guard and throws if {@code failure} is a limit, so that it is not skipped as a damaged part. */
    static void throwIfLimit(ParseGuard guard, Throwable failure) throws ParseLimitException {
        Optional<ParseLimitException> limit = limit(failure);
        if (limit.isPresent()) {
            throw guard.trip(limit.get().reason(), limit.get().getMessage());
        }
    }

    /** Why a parse that threw should be refused; what the parser said goes to the log. */
    static RejectedDocumentException rejection(ParseGuard guard, Throwable failure, String typeDescription,
                                               String fileName) {
        ParseLimitException tripped = guard.tripped();
        if (tripped == null) {
            tripped = limit(failure).orElse(null);
        }
        if (tripped != null) {
            return new RejectedDocumentException(tripped.reason(), tripped.getMessage(), failure);
        }
        if (causedBy(failure, EncryptedDocumentException.class)) {
            return new RejectedDocumentException(Reason.ENCRYPTED, "The document is protected by a password.", failure);
        }
        log.warn("Refused {} as MALFORMED: reading it as {} failed with {}", WorkerOutput.escape(fileName),
                typeDescription, describe(failure));
        return new RejectedDocumentException(Reason.MALFORMED, "The file could not be read as " + typeDescription
                + ": it is damaged, cut short, or not what its type says.", failure);
    }

    /** The root cause of a failure for the log: its class and the start of its message, escaped. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        if (message.length() > LOGGED_MESSAGE_CHARS) {
            message = message.substring(0, LOGGED_MESSAGE_CHARS) + "...";
        }
        return root.getClass().getName() + (message.isEmpty() ? "" : ": " + WorkerOutput.escape(message));
    }

    private static Optional<ParseLimitException> limit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ParseLimitException limit) {
                return Optional.of(limit);
            }
            if (cause instanceof WriteLimitReachedException) {
                return Optional.of(new ParseLimitException(Reason.EXPANDS_TOO_MUCH,
                        "The document holds more text than the limit allows."));
            }
            String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb")) {
                boolean nesting = message.contains("nesting");
                return Optional.of(new ParseLimitException(nesting ? Reason.TOO_DEEP : Reason.EXPANDS_TOO_MUCH,
                        nesting ? "The document nests its parts deeper than the limit allows."
                                : "The document expands far beyond its size on disk (a zip bomb?)."));
            }
            if (message.contains("entity expansions") || message.contains("accumulated size of entities")
                    || message.contains("jaxp00010001") || message.contains("jaxp00010004")) {
                return Optional.of(new ParseLimitException(Reason.EXPANDS_TOO_MUCH,
                        "The document expands XML entities beyond the limit (a \"billion laughs\"?)."));
            }
        }
        return Optional.empty();
    }

    /** Whether a failure, or one of its causes, is of this type. */
    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
