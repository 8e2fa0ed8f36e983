package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.Dependency;
import dev.composefix.model.Healthcheck;
import dev.composefix.model.Service;
import dev.composefix.yaml.YNode;

/**
 * CF107: {@code depends_on} in the short form, or with {@code condition: service_started}, on a
 * service that has a health check: the dependent starts before its dependency is ready.
 */
public final class DependsOnNotHealthy extends ServiceRule {

    @Override
    protected void checkService(Service service, RuleContext ctx) {
        for (Dependency d : service.dependsOn()) {
            if (!Dependency.STARTED.equals(d.effectiveCondition())) {
                continue;
            }
            Service target = service.file().service(d.service());
            Healthcheck hc = target == null ? null : target.healthcheck().orElse(null);
            if (hc == null || hc.disabled() || target == service) {
                continue;
            }
            YNode at = d.conditionNode() != null ? d.conditionNode() : d.node();
            ctx.report(service, at, "'" + service.name() + "' starts as soon as '" + d.service()
                    + "' has started, not when it is ready; '" + d.service() + "' has a health check, so wait "
                    + "for it with 'condition: service_healthy'");
        }
    }
}
