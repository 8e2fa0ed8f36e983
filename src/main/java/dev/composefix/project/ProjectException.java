package dev.composefix.project;

import dev.composefix.yaml.Position;

/**
 * A project that cannot be loaded: a file that cannot be read or parsed, or a reference (include,
 * extends, env file) that cannot be followed. {@code file} and {@code position} say where (null for
 * the top-level files themselves).
 */
public final class ProjectException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final transient Position position;

    public ProjectException(String message, String file, Position position) {
        super(message);
        this.file = file;
        this.position = position;
    }

    public String file() {
        return file;
    }

    public Position position() {
        return position;
    }
}
