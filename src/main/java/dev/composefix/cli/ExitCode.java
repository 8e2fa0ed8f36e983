package dev.composefix.cli;

/** composefix's exit codes; a run over several files exits with the highest that applies. */
public final class ExitCode {

    /** No finding at or above --fail-on. */
    public static final int OK = 0;
    /** At least one finding at or above --fail-on. */
    public static final int FINDINGS = 1;
    /** Usage error, or an input that could not be read or parsed. */
    public static final int USAGE = 2;
    /** Internal error: a bug in composefix. */
    public static final int INTERNAL = 3;

    /** The exit-code table for --help and README. */
    public static final String TABLE = String.join("%n",
            "Exit codes:",
            "  0  no finding at or above --fail-on",
            "  1  at least one finding at or above --fail-on",
            "  2  usage error, or an input that could not be read or parsed (whatever --fail-on says)",
            "  3  internal error (a bug in composefix: please report it with the input)");

    private ExitCode() {
    }
}
