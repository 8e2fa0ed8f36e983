package dev.composefix.config;

import dev.composefix.yaml.Position;
import java.util.List;

/** A config file that cannot be used: each problem with its file, line and column. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    /** One problem in a config file. */
    public record Problem(String file, Position position, String message) {

        @Override
        public String toString() {
            return file + (position == null ? "" : ":" + position.line() + ":" + position.column()) + ": "
                    + message;
        }
    }

    private final transient List<Problem> problems;

    public ConfigException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid config" : problems.get(0).toString());
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String file, Position position, String message) {
        this(List.of(new Problem(file, position, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
