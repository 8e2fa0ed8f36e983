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
 * CF306: a Redis memory size written with {@code k}, {@code m} or {@code g}, which Redis reads as
 * powers of 1000 ({@code 200m} is 200,000,000 bytes, 4.6% less than the 200 MiB that {@code 200mb}
 * means). Fix (unsafe: the server then gets the larger size people usually meant): the binary unit
 * ({@code 200mb}).
 */
public final class RedisAmbiguousUnit extends ServiceRule {

    /** Options whose values are memory sizes (redis.conf). */
    static final List<String> SIZE_OPTIONS = List.of("maxmemory", "maxmemory-clients", "client-query-buffer-limit",
            "proto-max-bulk-len", "auto-aof-rewrite-min-size", "active-defrag-ignore-bytes");

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        RedisContext redis = RedisContext.of(s, ctx);
        if (redis == null) {
            return;
        }
        RedisServer server = redis.server();
        for (String name : SIZE_OPTIONS) {
            RedisServer.Option o = server.option(name);
            if (o == null || o.valueArg() < 0 || !RedisSize.decimalUnit(o.value())) {
                continue;
            }
            String raw = server.args().args().get(o.valueArg()).raw();
            long bytes = RedisSize.parse(o.value()).orElse(0);
            String binary = o.value().strip() + (Character.isUpperCase(o.value().strip().charAt(o.value().strip().length() - 1))
                    ? "B" : "b");
            Fix fix = raw.equals(o.value()) ? ServerArgsEdit.fix(s, ctx, server.args(), server.flagsVariable(),
                    redis.baseCommand(), List.of(new ServerArgs.Replacement(o.valueArg(), raw.length(), raw.length(),
                            binary.substring(binary.length() - 1))), List.of(), "write " + binary) : null;
            ctx.report(s, redis.at(name), name + " " + o.value() + " is " + dev.composefix.model.DecimalText.grouped(bytes)
                    + " bytes (" + PgSize.human(bytes) + "): Redis reads k, m and g as powers of 1000; write " + binary
                    + " for " + PgSize.human(RedisSize.parse(binary).orElse(0)) + ", or the number of bytes", fix);
        }
    }
}
