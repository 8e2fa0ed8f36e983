package dev.composefix.script;

import dev.composefix.yaml.Position;

/** A file that cannot be read as its kind (YAML or JSON that does not parse), with where it went wrong. */
public final class ScriptException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Position position;

    public ScriptException(String message, Position position) {
        super(message);
        this.position = position;
    }

    /** Where the problem is (1-based line and column), or null when unknown. */
    public Position position() {
        return position;
    }
}
