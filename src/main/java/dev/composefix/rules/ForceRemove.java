package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.Service;

/** CF105: placeholder until the shell matcher lands (not registered as done). */
public final class ForceRemove extends ServiceRule {

    @Override
    protected void checkService(Service service, RuleContext ctx) {
    }
}
