package dev.composefix.rules;

import dev.composefix.engine.Severity;
import dev.composefix.fix.Fix;
import dev.composefix.yaml.Span;

/**
 * Where the checks of one service's limit-derived rules send what they find: the rule's context in a
 * lint, or a collector of fixes when the memory limit's fix carries them ({@link PlannedTuning}).
 */
@FunctionalInterface
interface Reports {

    /** A finding at {@code at}; {@code severity} null for the rule's own. */
    void report(Span at, Severity severity, String message, Fix fix);
}
