package dev.groundwork.index;

/** The index cannot be read or written (I/O error, closed index). Never to be shown as an empty result. */
public class IndexUnavailableException extends RuntimeException {

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
