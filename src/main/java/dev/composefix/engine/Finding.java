package dev.composefix.engine;

import dev.composefix.yaml.Position;
import java.util.Comparator;

/**
 * One reported problem: which rule, how serious, where (1-based lines and code-point columns, end
 * exclusive), which service (or null), and what is wrong.
 */
public record Finding(String code, String rule, Severity severity, String file, Position start, Position end,
        String service, String message, boolean fixable) {

    /** The order of every report: file, line, column, code. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(f -> f.start().line())
            .thenComparingInt(f -> f.start().column())
            .thenComparing(Finding::code)
            .thenComparing(Finding::service, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::message);

    public Finding withSeverity(Severity s) {
        return new Finding(code, rule, s, file, start, end, service, message, fixable);
    }
}
