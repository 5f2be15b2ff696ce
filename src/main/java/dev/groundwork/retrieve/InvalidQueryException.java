package dev.groundwork.retrieve;

/** A question that cannot be searched for, with a stable code: BLANK_QUERY, QUERY_TOO_LONG or INVALID_K. */
public class InvalidQueryException extends RuntimeException {

    private final String code;

    public InvalidQueryException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
