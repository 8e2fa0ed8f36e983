package dev.composefix.engine;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is; declared from most to least serious. */
public enum Severity {
    ERROR, WARNING, INFO;

    /** The lower-case name used in reports and config. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is at least as serious as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Severity> parse(String text) {
        for (Severity s : values()) {
            if (s.id().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
