package dev.groundwork.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses before any work starts (no files, too many files). */
class InvalidRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String param;

    InvalidRequestException(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    /** @param param the request field at fault, which OpenAI's error shape names; null when none is */
    InvalidRequestException(HttpStatus status, String code, String message, String param) {
        super(message);
        this.status = status;
        this.code = code;
        this.param = param;
    }

    String param() {
        return param;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
