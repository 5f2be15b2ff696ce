package dev.groundwork.mcp;

import dev.groundwork.answer.AnswersBusyException;
import dev.groundwork.embed.EncoderUnavailableException;
import dev.groundwork.index.IndexUnavailableException;
import dev.groundwork.ingest.DocumentNotFoundException;
import dev.groundwork.retrieve.InvalidQueryException;
import dev.groundwork.security.RateLimitedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from a tool's failures to the stable codes of the REST API's problem details, so a client that
 * knows one knows the other. A failure of the service says nothing of its inside; it is logged instead.
 */
final class ToolErrors {

    private static final Logger log = LoggerFactory.getLogger(ToolErrors.class);

    private ToolErrors() {
    }

    static ToolFailure of(Throwable failure) {
        if (failure instanceof ToolFailure known) {
            return known;
        }
        if (failure instanceof InvalidQueryException invalid) {
            return new ToolFailure(invalid.code(), invalid.getMessage());
        }
        if (failure instanceof DocumentNotFoundException) {
            return new ToolFailure("NOT_FOUND", failure.getMessage() + " list_documents gives the ids there are.");
        }
        if (failure instanceof RateLimitedException) {
            return new ToolFailure("RATE_LIMITED", failure.getMessage());
        }
        if (failure instanceof AnswersBusyException) {
            return new ToolFailure("TOO_BUSY", failure.getMessage());
        }
        if (failure instanceof IndexUnavailableException) {
            log.error("Index unavailable: {}", failure.getMessage(), failure);
            return new ToolFailure("INDEX_UNAVAILABLE", "The index cannot be used right now; try again later.");
        }
        if (failure instanceof EncoderUnavailableException) {
            log.error("Encoder unavailable: {}", failure.getMessage(), failure);
            return new ToolFailure("ENCODER_UNAVAILABLE", "The encoder cannot be used right now; try again later.");
        }
        log.error("Unexpected failure of a tool call: {}", failure.getMessage(), failure);
        return new ToolFailure("INTERNAL_ERROR", "Something went wrong on our side; the error has been logged.");
    }
}
