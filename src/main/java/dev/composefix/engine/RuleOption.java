package dev.composefix.engine;

/** An option a rule accepts in config: its name, type, default (as written) and meaning. */
public record RuleOption(String name, Type type, String defaultValue, String description) {

    /** What values an option takes. */
    public enum Type { DURATION, INTEGER, NUMBER, BOOLEAN, STRING, SIZE }
}
