package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ByteSize;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Service;

/**
 * CF101: no {@code deploy.resources.limits.memory} and no {@code mem_limit}. Fix: the service kind's
 * limit and reservation, fitted into the host budget when one is known.
 */
public final class MissingMemoryLimit implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        ResourcePlan plan = null;
        for (Service service : file.services()) {
            if (!ResourceScope.judgesMissing(service) || service.memoryLimit().isSet()) {
                continue;
            }
            if (plan == null) {
                plan = ResourcePlan.of(file, ctx.settings());
            }
            ResourcePlan.Limits limits = plan.limits(service.name());
            ctx.report(service, service.key(), "service '" + service.name() + "' has no memory limit: one leak or "
                    + "load spike can take all of the host's memory; set deploy.resources.limits.memory (or "
                    + "mem_limit), e.g. " + ByteSize.format(limits.memory()) + " as for its kind ("
                    + limits.kind().name() + ")", LimitFix.memory(service, limits, ctx));
        }
    }
}
