package dev.groundwork.embed;

/** The configured encoder cannot be loaded: a missing model file, a corrupt model, an unknown name. */
public class EncoderUnavailableException extends RuntimeException {

    public EncoderUnavailableException(String message) {
        super(message);
    }

    public EncoderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
