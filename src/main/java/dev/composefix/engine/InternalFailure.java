package dev.composefix.engine;

/** A bug: a rule threw while checking a file. Reported as such, never as a finding. */
public record InternalFailure(String rule, String file, Throwable cause) {

    public String message() {
        return "internal error in rule " + rule + " on file " + file + ": " + cause;
    }
}
