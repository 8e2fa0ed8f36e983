package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.fix.Fix;
import dev.composefix.model.Service;
import dev.composefix.tuning.PgSize;
import dev.composefix.tuning.ServerArgs;
import dev.composefix.tuning.RedisServer;
import dev.composefix.tuning.RedisSize;
import java.util.List;

/**
 * CF305: {@code --maxmemory} at or above the container's memory limit: Redis never reaches its own
 * limit, so the kernel kills it first. Fix (safe): maxmemory lowered to the share of the limit that
 * CF304 gives.
 */
public final class RedisMaxmemoryMismatch extends ServiceRule {

    /** This rule's code, for the memory limit's fix, which carries this rule's maxmemory where it adds the limit. */
    static final String CODE = "CF305";

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        RedisContext redis = RedisContext.of(s, ctx);
        if (redis != null) {
            check(redis, ctx, Reports.to(ctx, s));
        }
    }

    /** Checks the maxmemory of {@code redis} against its limit (the file's, or one about to be added). */
    static void check(RedisContext redis, RuleContext ctx, Reports out) {
        Service s = redis.service();
        if (redis.limit() == 0) {
            return;
        }
        RedisServer.Option max = redis.server().option("maxmemory");
        long bytes = max == null ? -1 : RedisSize.parse(max.value()).orElse(-1);
        if (bytes < redis.limit()) {
            return;
        }
        String value = redis.maxmemoryText(ctx);
        Fix fix = ServerArgsEdit.fix(s, ctx, redis.server().args(), redis.server().flagsVariable(),
                redis.baseCommand(), List.of(new ServerArgs.Replacement(max.valueArg(), 0,
                        redis.server().args().args().get(max.valueArg()).raw().length(), value)),
                List.of(), "lower maxmemory to " + value);
        out.report(redis.at("maxmemory").span(), null, "maxmemory " + max.value() + " (" + PgSize.human(bytes) + ") is at or above "
                + "the " + redis.limitText() + " memory limit of '" + s.name() + "': the kernel kills the server "
                + "before it ever evicts; set --maxmemory " + value + " (" + redis.why(ctx) + ")", fix);
    }
}
