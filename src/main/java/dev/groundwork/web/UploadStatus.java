package dev.groundwork.web;

import dev.groundwork.ingest.RejectedDocumentException.Reason;
import org.springframework.http.HttpStatus;

/** The HTTP status of each reason a document is refused. */
final class UploadStatus {

    private UploadStatus() {
    }

    static HttpStatus of(Reason reason) {
        return switch (reason) {
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NO_TEXT, MALFORMED, ENCRYPTED, EXPANDS_TOO_MUCH, TOO_DEEP, TOO_MANY_PAGES, TOO_MANY_PIXELS, TIMEOUT, NO_READABLE_MEMBERS ->
                    HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }
}
