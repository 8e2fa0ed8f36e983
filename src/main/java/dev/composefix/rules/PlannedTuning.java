package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.model.ByteSize;
import dev.composefix.model.Field;
import dev.composefix.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixes of the rules that size a server to its container's memory limit (postgres-untuned,
 * postgres-memory-mismatch, redis-maxmemory-missing, redis-maxmemory-mismatch, node-heap-mismatch),
 * for the limit that missing-memory-limit's fix is about to add. That fix carries them, so a rewrite sizes the server in the pass that limits it
 * rather than in a pass of its own (the whole file parsed and linted once more). Each is the fix its
 * rule gives once the limit is in the file: the rule's own check runs, with the planned limit; and
 * each is carried only where its rule would report it and apply it ({@link RuleContext#mayFixFor}).
 */
final class PlannedTuning {

    private PlannedTuning() {
    }

    /**
     * {@code memory} (the memory limit's fix for {@code s}, which writes {@code limit} and, when not null,
     * the CPU limit {@code cpusAlong}) with the tuning fixes for that limit; {@code memory} alone when there
     * are none, or when they cannot go with it.
     */
    static Fix with(Fix memory, Service s, long limit, String cpusAlong, RuleContext ctx) {
        if (memory == null || limit < ByteSize.DOCKER_MINIMUM_MEMORY) {
            return memory;
        }
        List<Fix> parts = new ArrayList<>();
        parts.add(memory);
        Double cpus = cpus(s, cpusAlong, ctx);
        if (cpus != null) { // PostgreSQL's settings depend on the CPU limit too
            PostgresContext pg = PostgresContext.of(s, ctx, limit, cpus);
            if (pg != null) {
                PostgresUntuned.check(pg, ctx, Reports.carried(PostgresUntuned.CODE, s, ctx, parts));
                PostgresMemoryMismatch.check(pg, ctx, Reports.carried(PostgresMemoryMismatch.CODE, s, ctx, parts));
            }
        }
        RedisContext redis = RedisContext.of(s, ctx, limit);
        if (redis != null) {
            RedisMaxmemoryMissing.check(redis, ctx, Reports.carried(RedisMaxmemoryMissing.CODE, s, ctx, parts));
            RedisMaxmemoryMismatch.check(redis, ctx, Reports.carried(RedisMaxmemoryMismatch.CODE, s, ctx, parts));
        }
        NodeHeapMismatch.check(s, limit, ctx, Reports.carried(NodeHeapMismatch.CODE, s, ctx, parts));
        if (parts.size() == 1) {
            return memory;
        }
        List<String> titles = new ArrayList<>();
        for (Fix f : parts) {
            titles.add(f.title());
        }
        try {
            return Fix.combine(String.join(", ", titles), parts);
        } catch (IllegalArgumentException e) {
            return memory; // their edits meet: the tuning follows in the next pass, as its rule's own fix
        }
    }

    /**
     * The CPU limit the service will have after this pass, 0 for none, as the next pass would read it;
     * null when that is not certain: missing-cpu-limit's own fix adds it in the short syntax, and that
     * fix may wait a pass.
     */
    private static Double cpus(Service s, String cpusAlong, RuleContext ctx) {
        Field<Double> set = s.cpuLimit();
        if (set.isSet()) {
            return set.hasValue() ? set.value() : 0.0;
        }
        if (cpusAlong != null) {
            return Double.parseDouble(cpusAlong);
        }
        return ctx.mayFixFor(MissingCpuLimit.CODE, s, s.key().span()) ? null : 0.0;
    }
}
