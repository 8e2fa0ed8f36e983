package dev.composefix.rewrite;

/** A fix produced something it must not (unparseable text, changes it did not aim at, a cycle): a bug. */
public final class RewriteFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String rule;

    public RewriteFailure(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** The rule whose fix failed (or the rules, comma-separated, when they cannot be told apart). */
    public String rule() {
        return rule;
    }
}
