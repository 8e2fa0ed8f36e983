package dev.composefix.engine;

import dev.composefix.fix.Fix;
import dev.composefix.fix.FixSafety;
import dev.composefix.yaml.Position;
import java.util.Comparator;

/**
 * One reported problem: which rule, how serious, where (1-based lines and code-point columns, end
 * exclusive), which service (or null), what is wrong, and the fix that would repair it (or null).
 */
public record Finding(String code, String rule, Severity severity, String file, Position start, Position end,
        String service, String message, Fix fix) {

    /** Whether {@code rewrite} can apply this finding's fix (with --unsafe-fixes for unsafe ones). */
    public boolean fixable() {
        return fix != null && fix.safety() != FixSafety.DISPLAY_ONLY && fix.safety() != FixSafety.NONE;
    }

    /** The order of every report: file, line, column, code. */
    public static final Comparator<Finding> ORDER = new Order();

    /**
     * File, line, column, code, service (none first), message. Written out rather than composed from
     * {@code Comparator.comparing}: those lambdas are made at every start (class-data sharing keeps none of
     * the JDK's own).
     */
    private static final class Order implements Comparator<Finding> {
        @Override
        public int compare(Finding a, Finding b) {
            // The same file name is usually the same string (a file's findings all name it): equal at once,
            // without comparing its characters.
            int c = a.file() == b.file() ? 0 : a.file().compareTo(b.file());
            if (c == 0) {
                c = Integer.compare(a.start().line(), b.start().line());
            }
            if (c == 0) {
                c = Integer.compare(a.start().column(), b.start().column());
            }
            if (c == 0 && a.code() != b.code()) {
                c = a.code().compareTo(b.code());
            }
            if (c == 0) {
                c = a.service() == null ? (b.service() == null ? 0 : -1)
                        : b.service() == null ? 1 : a.service().compareTo(b.service());
            }
            if (c == 0) {
                c = a.message().compareTo(b.message());
            }
            return c;
        }
    }

    /**
     * {@code sorted} (in {@link #ORDER}) without the findings that repeat an earlier one: the same rule,
     * severity, place, service and message. Projects that read one file (one {@code include}s or
     * {@code extends} it) each report what is wrong in it, and a report says it once, with the first
     * project's fix. {@code sorted} itself when nothing repeats.
     */
    public static java.util.List<Finding> withoutRepeats(java.util.List<Finding> sorted) {
        java.util.List<Finding> kept = null; // made at the first repeat: until then, sorted[0, i) is what is kept
        for (int i = 0; i < sorted.size(); i++) {
            Finding f = sorted.get(i);
            int n = kept != null ? kept.size() : i;
            boolean repeat = false;
            // The findings kept that sort equal to this one are the last few kept (those equal but for
            // severity or end come from projects whose configs or trees differ there: each is kept).
            for (int j = n - 1; j >= 0 && !repeat; j--) {
                Finding k = kept != null ? kept.get(j) : sorted.get(j);
                if (ORDER.compare(k, f) != 0) {
                    break;
                }
                repeat = k.severity() == f.severity() && k.end().equals(f.end());
            }
            if (repeat) {
                if (kept == null) {
                    kept = new java.util.ArrayList<>(sorted.subList(0, i));
                }
            } else if (kept != null) {
                kept.add(f);
            }
        }
        return kept != null ? kept : sorted;
    }

    public Finding withSeverity(Severity s) {
        return new Finding(code, rule, s, file, start, end, service, message, fix);
    }

    /** This finding with another fix (a rewrite taking the part of a fix that does not carry another rule's work). */
    public Finding withFix(Fix other) {
        return new Finding(code, rule, severity, file, start, end, service, message, other);
    }
}
