package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.Service;

/** CF101: no {@code deploy.resources.limits.memory} and no {@code mem_limit}. */
public final class MissingMemoryLimit extends ServiceRule {

    @Override
    protected void checkService(Service service, RuleContext ctx) {
        if (!ResourceScope.judgesMissing(service) || service.memoryLimit().isSet()) {
            return;
        }
        ctx.report(service, service.key(), "service '" + service.name() + "' has no memory limit: one leak or "
                + "load spike can take all of the host's memory; set deploy.resources.limits.memory "
                + "(or mem_limit)");
    }
}
