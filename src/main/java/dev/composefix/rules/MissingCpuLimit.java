package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.Service;

/** CF102: no {@code deploy.resources.limits.cpus} and no {@code cpus}. Fix: the service kind's CPU limit. */
public final class MissingCpuLimit extends ServiceRule {

    /** This rule's code, for the memory limit's fix, which writes this rule's limit too where both are new. */
    static final String CODE = "CF102";

    @Override
    protected void checkService(Service service, RuleContext ctx) {
        if (!ResourceScope.judgesMissing(service) || service.cpuLimit().isSet()) {
            return;
        }
        String cpus = LimitFix.number(ResourcePlan.cpus(service, ctx.settings())); // for the message and the fix
        ctx.report(service, service.key(), "service '" + service.name() + "' has no CPU limit: a busy loop "
                + "can starve every other container; set deploy.resources.limits.cpus (or cpus), e.g. "
                + cpus, LimitFix.cpus(service, cpus, ctx));
    }
}
