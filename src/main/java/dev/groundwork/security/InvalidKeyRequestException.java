package dev.groundwork.security;

/** A key cannot be created as asked: a bad name, a name taken, a bad role or lifetime. */
public class InvalidKeyRequestException extends RuntimeException {

    private final String code;

    InvalidKeyRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The problem code the API answers with. */
    public String code() {
        return code;
    }
}
