package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.kinds.ServiceKind;
import dev.composefix.model.Service;

/**
 * CF625: a service that runs user code (an app kind: built from source, or a language runtime image
 * such as node or python) has no {@code pids_limit} and no {@code deploy.resources.limits.pids}.
 */
public final class PidsLimitMissing extends ServiceRule {

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        if (!ResourceScope.judgesMissing(s) || s.has("pids_limit")
                || s.entry("deploy", "resources", "limits", "pids") != null) {
            return;
        }
        ServiceKind kind = ctx.settings().kindOf(s);
        if (kind.category() != ServiceKind.Category.APP) {
            return;
        }
        ctx.report(s, s.key(), "'" + s.name() + "' (" + kind.name() + ") runs your code with no pids_limit: a fork "
                + "loop or a runaway worker pool can fill the host's process table, and then nothing on the host can "
                + "start a process; set pids_limit (threads count too: 512 suits most apps, size it up for a JVM "
                + "with large thread pools)");
    }
}
