package dev.composefix.cli;

/** The command line asks for something that cannot be done; exit 2 with the message. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
