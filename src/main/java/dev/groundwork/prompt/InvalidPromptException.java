package dev.groundwork.prompt;

import java.nio.file.Path;

/** A prompt file is missing, unreadable, or lacks a placeholder it must hold: the service does not start. */
public class InvalidPromptException extends RuntimeException {

    private final Path file;

    InvalidPromptException(Path file, String message) {
        super(message);
        this.file = file;
    }

    InvalidPromptException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The prompt file at fault. */
    public Path file() {
        return file;
    }
}
