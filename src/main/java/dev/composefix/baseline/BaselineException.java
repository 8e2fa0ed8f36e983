package dev.composefix.baseline;

/** A baseline file that cannot be read or is not a baseline; the message names file, line and column. */
public final class BaselineException extends Exception {

    private static final long serialVersionUID = 1L;

    public BaselineException(String message) {
        super(message);
    }
}
