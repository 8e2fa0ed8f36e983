package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.kinds.ServiceKind;
import dev.composefix.model.ByteSize;
import dev.composefix.model.Field;
import dev.composefix.model.Service;
import dev.composefix.tuning.PgSize;
import dev.composefix.tuning.RedisServer;
import dev.composefix.tuning.RedisSize;
import dev.composefix.yaml.YNode;
import java.util.List;
import java.util.Set;

/**
 * What the Redis rules share: a redis, valkey or keydb service, its memory limit (0 when unknown or under
 * Docker's minimum) and its server.
 */
record RedisContext(Service service, long limit, RedisServer server) {

    static final Set<String> KINDS = Set.of("redis", "valkey", "keydb");

    static RedisContext of(Service s, RuleContext ctx) {
        Field<Long> limit = s.memoryLimit();
        boolean usable = limit.hasValue() && limit.value() >= ByteSize.DOCKER_MINIMUM_MEMORY;
        return of(s, ctx, usable ? limit.value() : 0);
    }

    /** The context for a limit (0: none known), such as one the memory limit's fix writes ({@link PlannedTuning}). */
    static RedisContext of(Service s, RuleContext ctx, long limit) {
        ServiceKind kind = ctx.settings().kindOf(s);
        if (!KINDS.contains(kind.name())) {
            return null;
        }
        RedisServer server = RedisServer.of(s, kind);
        if (server == null) {
            return null;
        }
        return new RedisContext(s, limit, server);
    }

    /** maxmemory for the limit: the configured share, by whether the server persists data. */
    long maxmemory(RuleContext ctx) {
        return limit * ctx.settings().tuning().redisPercent(server.persistent()) / 100;
    }

    String maxmemoryText(RuleContext ctx) {
        return RedisSize.format(maxmemory(ctx));
    }

    String why(RuleContext ctx) {
        int percent = ctx.settings().tuning().redisPercent(server.persistent());
        return percent + "% of the limit" + (server.persistent()
                ? ", leaving room for the copy-on-write fork that writes snapshots and rewrites the AOF" : "");
    }

    String limitText() {
        return PgSize.human(limit);
    }

    /** Where to point: an option's value, else its name, else the arguments, else the service. */
    YNode at(String option) {
        RedisServer.Option o = option == null ? null : server.option(option);
        if (o != null) {
            return server.args().args().get(o.valueArg() >= 0 ? o.valueArg() : o.nameArg()).node();
        }
        return server.args() != null ? server.args().node() : service.key();
    }

    List<String> baseCommand() {
        return server.flagsVariable() != null ? List.of() : server.defaultCommand();
    }
}
