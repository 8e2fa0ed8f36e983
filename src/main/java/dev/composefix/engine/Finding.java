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
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(f -> f.start().line())
            .thenComparingInt(f -> f.start().column())
            .thenComparing(Finding::code)
            .thenComparing(Finding::service, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::message);

    public Finding withSeverity(Severity s) {
        return new Finding(code, rule, s, file, start, end, service, message, fix);
    }
}
