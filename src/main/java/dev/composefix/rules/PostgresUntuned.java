package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.fix.Fix;
import dev.composefix.model.Service;
import dev.composefix.tuning.PgTune;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CF301: a PostgreSQL service with a memory limit whose start arguments set none of the memory
 * settings, so the server sizes its caches for a machine it knows nothing about. Fix (safe): the
 * settings PGTune's formulas give for the container's limit and CPUs, each {@code -c name=value}
 * after the arguments already there (a new {@code command: postgres ...}, or Bitnami's
 * {@code POSTGRESQL_EXTRA_FLAGS}), keeping every setting the user gave.
 */
public final class PostgresUntuned extends ServiceRule {

    /** The settings that size memory; any one of them given means the user tuned the server. */
    static final List<String> MEMORY_SETTINGS = List.of("shared_buffers", "effective_cache_size", "work_mem",
            "maintenance_work_mem");

    /** This rule's code, for the memory limit's fix, which carries this rule's settings where it adds the limit. */
    static final String CODE = "CF301";

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        PostgresContext pg = PostgresContext.of(s, ctx);
        if (pg != null) {
            check(pg, ctx, Reports.to(ctx, s));
        }
    }

    /** Checks the server of {@code pg} against its limit (the file's, or one about to be added). */
    static void check(PostgresContext pg, RuleContext ctx, Reports out) {
        Service s = pg.service();
        if (pg.server().setting("config_file") != null) {
            return;
        }
        for (String name : MEMORY_SETTINGS) {
            if (pg.server().setting(name) != null) {
                return;
            }
        }
        PgTune.Result tuned = pg.tuned(ctx);
        Map<String, String> settings = tuned.settings();
        List<List<String>> flags = PostgresContext.flags(settings, pg.server());
        List<String> shown = new ArrayList<>();
        for (String name : List.of("shared_buffers", "effective_cache_size", "work_mem", "maintenance_work_mem")) {
            shown.add(name + "=" + settings.get(name));
        }
        Fix fix = pg.tunable() ? ServerArgsEdit.fix(s, ctx, pg.server().args(), pg.variable(), pg.baseCommand(),
                List.of(), flags, "tune PostgreSQL for " + pg.limitText() + " (" + flags.size() + " settings)") : null;
        String version = pg.version() == 0 ? "" : " " + pg.version();
        out.report(pg.at(null).span(), null, "'" + s.name() + "' runs PostgreSQL" + version + " with its default memory settings "
                + "under a " + pg.limitText() + " memory limit: shared_buffers stays 128MB and the planner assumes 4GB of "
                + "cache whatever the limit; start it with settings for the limit ("
                + String.join(", ", shown) + ", ...)" + (pg.tunable() ? ""
                        : "; composefix's formulas are for PostgreSQL " + PgTune.OLDEST + " and later, so tune this "
                        + "one by hand"), fix);
    }
}
