package dev.composefix.engine;

import dev.composefix.yaml.Span;
import java.util.List;

/**
 * One {@code # composefix: ignore[...]} comment in {@code file} (silences the rules it names on {@code line}) or
 * {@code # composefix: ignore-file[...]} comment (silences them in the whole file).
 */
public record Suppression(String file, Span span, boolean fileWide, int line, List<Name> names) {

    /**
     * One rule named in a suppression, where it is written, the rule it resolves to (null when no rule
     * has that code or name), and whether it silenced anything.
     */
    public static final class Name {
        private final String text;
        private final Span span;
        private final RuleMetadata rule;
        private boolean used;

        public Name(String text, Span span, RuleMetadata rule) {
            this.text = text;
            this.span = span;
            this.rule = rule;
        }

        public String text() {
            return text;
        }

        public Span span() {
            return span;
        }

        public RuleMetadata rule() {
            return rule;
        }

        public boolean used() {
            return used;
        }

        void markUsed() {
            used = true;
        }
    }

    /** Whether this suppression would silence {@code f} (without counting it as used). */
    boolean covers(Finding f) {
        if (!f.file().equals(file) || (!fileWide && f.start().line() != line)) {
            return false;
        }
        for (Name n : names) {
            if (n.rule() != null && n.rule().code().equals(f.code())) {
                return true;
            }
        }
        return false;
    }

    /** Whether this suppression silences {@code f}, marking the matching name used. */
    boolean silences(Finding f) {
        if (!f.file().equals(file) || (!fileWide && f.start().line() != line)) {
            return false;
        }
        boolean hit = false;
        for (Name n : names) {
            if (n.rule() != null && n.rule().code().equals(f.code())) {
                n.markUsed();
                hit = true;
            }
        }
        return hit;
    }
}
