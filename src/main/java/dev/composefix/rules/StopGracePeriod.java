package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.kinds.ServiceKind;
import dev.composefix.model.Service;
import java.util.List;

/**
 * CF612: a database or queue with no {@code stop_grace_period}: Docker sends SIGKILL 10 seconds after
 * the stop signal, in the middle of a checkpoint or a controlled shutdown. Fix (safe: the period is only
 * an upper bound, a service that stops sooner is not held): 60s for databases, 30s for queues.
 */
public final class StopGracePeriod extends ServiceRule {

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        if (!ResourceScope.judgesMissing(s) || s.has("stop_grace_period")) {
            return;
        }
        ServiceKind kind = ctx.settings().kindOf(s);
        String period = switch (kind.category()) {
            case DATABASE -> "60s";
            case QUEUE -> "30s";
            default -> null;
        };
        if (period == null) {
            return;
        }
        String what = kind.category() == ServiceKind.Category.DATABASE
                ? "a database flushing its buffers and writing a checkpoint" : "a broker handing over partitions and "
                + "flushing its log";
        ctx.report(s, s.key(), "'" + s.name() + "' (" + kind.name() + ") has no stop_grace_period: Docker kills it 10 "
                + "seconds after asking it to stop, and " + what + " often needs longer, so the next start runs "
                + "crash recovery or loses unflushed data; set stop_grace_period: " + period,
                ServiceEdit.fix(s, ctx, Fragment.mapping("stop_grace_period", Fragment.string(period)),
                        "wait up to " + period + " for a clean stop",
                        List.of(Fix.path("services", s.name(), "stop_grace_period"))));
    }
}
