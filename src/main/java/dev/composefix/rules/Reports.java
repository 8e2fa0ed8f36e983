package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.Severity;
import dev.composefix.fix.Fix;
import dev.composefix.model.Service;
import dev.composefix.yaml.Span;
import java.util.List;

/**
 * Where the checks of rules whose work another rule's fix may carry send what they find: the rule's
 * context in a lint ({@link #to}), or a collector of the fixes to carry ({@link #carried}).
 */
@FunctionalInterface
interface Reports {

    /** A finding at {@code at}; {@code severity} null for the rule's own. */
    void report(Span at, Severity severity, String message, Fix fix);

    /** Findings of {@code service}, reported to the rule's context. */
    static Reports to(RuleContext ctx, Service service) {
        return (at, severity, message, fix) -> {
            if (severity == null) {
                ctx.report(service, at, message, fix);
            } else {
                ctx.report(service, at, severity, message, fix);
            }
        };
    }

    /**
     * The fixes of {@code code}'s findings for {@code service} that its rule would report and apply
     * ({@link RuleContext#mayFixFor}), added to {@code into}: what another rule's fix carries.
     */
    static Reports carried(String code, Service service, RuleContext ctx, List<Fix> into) {
        return (at, severity, message, fix) -> {
            if (fix != null && ctx.mayFixFor(code, service, at)) {
                into.add(fix);
            }
        };
    }
}
