package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.model.ByteSize;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.tuning.PgSize;
import dev.composefix.tuning.PostgresServer;
import dev.composefix.yaml.YNode;
import java.util.List;

/**
 * CF303: PostgreSQL with parallel query workers turned on and Docker's default 64MB {@code /dev/shm}
 * (or a {@code shm_size} below the floor): parallel workers exchange tuples and build shared hash
 * tables in dynamic shared memory, which PostgreSQL keeps in {@code /dev/shm}, and a full one fails
 * queries at run time ("could not resize shared memory segment ... No space left on device").
 * Fix (safe): {@code shm_size} set to the floor: 256MB, or more when work_mem is large (a parallel
 * hash join may hold hash_mem_multiplier (2) x work_mem for the leader and each worker).
 */
public final class PostgresShmSize extends ServiceRule {

    static final long FLOOR = 256L << 20;
    static final long DOCKER_DEFAULT = 64L << 20;

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        if (!ctx.settings().kindOf(s).name().equals("postgres")) {
            return;
        }
        PostgresServer server = PostgresServer.of(s);
        if (server == null) {
            return;
        }
        int workers = number(server, "max_parallel_workers_per_gather");
        if (workers <= 0) {
            return;
        }
        long workMem = server.bytes("work_mem", PgSize.Base.KB);
        long needed = Math.max(FLOOR, roundUpToMib(2 * Math.max(workMem, 0) * (workers + 1)));
        YNode shm = s.value("shm_size");
        long size = DOCKER_DEFAULT;
        if (shm != null) {
            Interpolated t = s.file().text(shm);
            if (t == null || !t.known()) {
                return;
            }
            size = ByteSize.parse(t.text()).orElse(-1);
            if (size < 0) {
                return; // not a size: the schema rule says so
            }
        }
        if (size >= needed) {
            return;
        }
        String written = (needed >> 20) % 1024 == 0 ? (needed >> 30) + "g" : (needed >> 20) + "m";
        Fix fix = ServiceEdit.fix(s, ctx, Fragment.mapping("shm_size", Fragment.string(written)),
                "give /dev/shm " + written, List.of(Fix.path("services", s.name(), "shm_size")));
        ctx.report(s, shm != null ? shm : s.key(), "'" + s.name() + "' runs parallel query workers ("
                + "max_parallel_workers_per_gather=" + workers + ") with " + (shm == null ? "Docker's default 64MB"
                        : "shm_size " + PgSize.human(size)) + " of /dev/shm, where PostgreSQL keeps the shared memory "
                + "they work in: large parallel queries then fail with \"No space left on device\"; set shm_size: "
                + written, fix);
    }

    private static int number(PostgresServer server, String name) {
        PostgresServer.Setting st = server.setting(name);
        if (st == null || st.value() == null) {
            return 0;
        }
        try {
            return Integer.parseInt(st.value().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long roundUpToMib(long bytes) {
        long mib = 1L << 20;
        return (bytes + mib - 1) / mib * mib;
    }
}
