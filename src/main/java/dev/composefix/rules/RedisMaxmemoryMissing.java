package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.fix.Fix;
import dev.composefix.model.Service;
import dev.composefix.tuning.RedisServer;
import dev.composefix.tuning.ServerArgs;
import dev.composefix.tuning.RedisSize;
import java.util.ArrayList;
import java.util.List;

/**
 * CF304: a Redis, Valkey or KeyDB service with a memory limit and no {@code --maxmemory} (or
 * {@code --maxmemory 0}, no limit): the data set grows until the kernel kills the server, losing
 * everything since the last snapshot. Fix (safe): {@code --maxmemory} at a share of the limit that
 * leaves room for the persistence fork, and {@code --maxmemory-policy} when none is given
 * ({@code allkeys-lru} for a cache, {@code noeviction} with {@code --appendonly yes}, where the data
 * must not be evicted: writes then fail with an error instead).
 */
public final class RedisMaxmemoryMissing extends ServiceRule {

    /** This rule's code, for the memory limit's fix, which carries this rule's maxmemory where it adds the limit. */
    static final String CODE = "CF304";

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        RedisContext redis = RedisContext.of(s, ctx);
        if (redis != null) {
            check(redis, ctx, Reports.to(ctx, s));
        }
    }

    /** Checks the server of {@code redis} against its limit (the file's, or one about to be added). */
    static void check(RedisContext redis, RuleContext ctx, Reports out) {
        Service s = redis.service();
        if (redis.limit() == 0) {
            return;
        }
        RedisServer server = redis.server();
        RedisServer.Option max = server.option("maxmemory");
        boolean zero = max != null && max.value() != null && RedisSize.parse(max.value()).orElse(-1) == 0;
        if (max != null && !zero) {
            return;
        }
        String value = redis.maxmemoryText(ctx);
        String policy = ctx.settings().tuning().redisPolicy(server.appendOnly());
        List<ServerArgs.Replacement> replacements = new ArrayList<>();
        List<List<String>> added = new ArrayList<>();
        if (zero) {
            if (max.valueArg() < 0) {
                return;
            }
            replacements.add(new ServerArgs.Replacement(max.valueArg(), 0,
                    server.args().args().get(max.valueArg()).raw().length(), value));
        } else {
            added.add(List.of("--maxmemory", value));
        }
        if (server.option("maxmemory-policy") == null) {
            added.add(List.of("--maxmemory-policy", policy));
        }
        Fix fix = ServerArgsEdit.fix(s, ctx, server.args(), server.flagsVariable(), redis.baseCommand(), replacements,
                added, "limit " + server.kind().name() + " to " + value);
        out.report((zero ? redis.at("maxmemory") : redis.at(null)).span(), null, "'" + s.name() + "' (" + server.kind().name()
                + ") has a " + redis.limitText() + " memory limit and " + (zero ? "maxmemory 0 (no limit)" : "no maxmemory")
                + ": its data grows until the kernel kills it, losing what was not yet saved; set --maxmemory "
                + value + " (" + redis.why(ctx) + ")" + (server.option("maxmemory-policy") == null
                        ? " with --maxmemory-policy " + policy : ""), fix);
    }
}
