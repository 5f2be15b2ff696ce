package dev.groundwork.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses before any work starts (no files, too many files). */
class InvalidRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    InvalidRequestException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
