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
        return new ToContext(ctx, service);
    }

    /**
     * The fixes of {@code code}'s findings for {@code service} that its rule would report and apply
     * ({@link RuleContext#mayFixFor}), added to {@code into}: what another rule's fix carries.
     */
    static Reports carried(String code, Service service, RuleContext ctx, List<Fix> into) {
        return new Carried(code, service, ctx, into);
    }

    /** What {@link #to} gives. A class rather than a lambda, which a start would have to link. */
    final class ToContext implements Reports {
        private final RuleContext ctx;
        private final Service service;

        private ToContext(RuleContext ctx, Service service) {
            this.ctx = ctx;
            this.service = service;
        }

        @Override
        public void report(Span at, Severity severity, String message, Fix fix) {
            if (severity == null) {
                ctx.report(service, at, message, fix);
            } else {
                ctx.report(service, at, severity, message, fix);
            }
        }
    }

    /** What {@link #carried} gives. A class rather than a lambda, which a start would have to link. */
    final class Carried implements Reports {
        private final String code;
        private final Service service;
        private final RuleContext ctx;
        private final List<Fix> into;

        private Carried(String code, Service service, RuleContext ctx, List<Fix> into) {
            this.code = code;
            this.service = service;
            this.ctx = ctx;
            this.into = into;
        }

        @Override
        public void report(Span at, Severity severity, String message, Fix fix) {
            if (fix != null && ctx.mayFixFor(code, service, at)) {
                into.add(fix);
            }
        }
    }
}
