package dev.groundwork.eval;

/** An input file of the evaluation cannot be used; the message names the file and, where there is one, the line. */
class EvalInputException extends RuntimeException {

    EvalInputException(String message) {
        super(message);
    }

    EvalInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
