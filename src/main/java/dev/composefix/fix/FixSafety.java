package dev.composefix.fix;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether and how a rule's fix is applied: {@code NONE} (no fix), {@code SAFE} (applied by
 * {@code rewrite}), {@code UNSAFE} (only with {@code --unsafe-fixes}), {@code DISPLAY_ONLY} (shown as a
 * suggestion, never applied).
 */
public enum FixSafety {
    NONE, SAFE, UNSAFE, DISPLAY_ONLY;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<FixSafety> parse(String text) {
        for (FixSafety s : values()) {
            if (s.id().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
