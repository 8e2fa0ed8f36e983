package dev.composefix.engine;

/** A bug: a rule threw while checking a file. Reported as such, never as a finding. */
public record InternalFailure(String rule, String file, Throwable cause) {

    public String message() {
        return "internal error in rule " + rule + " on file " + file + ": " + cause + where();
    }

    /** Where in composefix the error was thrown (the first frame of ours), for the bug report. */
    private String where() {
        for (StackTraceElement e : cause.getStackTrace()) {
            if (e.getClassName().startsWith("dev.composefix.")) {
                return " (at " + e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "."
                        + e.getMethodName() + ":" + e.getLineNumber() + ")";
            }
        }
        return "";
    }
}
