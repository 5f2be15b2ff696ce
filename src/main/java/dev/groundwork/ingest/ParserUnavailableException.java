package dev.groundwork.ingest;

/** No parse worker can be started (no Java executable, no class path): nothing can be parsed right now. */
public class ParserUnavailableException extends RuntimeException {

    public ParserUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
