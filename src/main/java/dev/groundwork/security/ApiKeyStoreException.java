package dev.groundwork.security;

/** The API key file cannot be read or written. Never taken as "no keys". */
public class ApiKeyStoreException extends RuntimeException {

    ApiKeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
