package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.model.ByteSize;
import dev.composefix.model.Field;
import dev.composefix.model.Service;
import dev.composefix.tuning.PgSize;
import dev.composefix.tuning.PgTune;
import dev.composefix.tuning.PostgresServer;
import dev.composefix.tuning.TuningOptions;
import dev.composefix.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the PostgreSQL rules share: a postgres-kind service with a known memory limit, its server's
 * settings, and the settings PGTune's formulas give for that limit.
 */
record PostgresContext(Service service, long limit, double cpus, PostgresServer server, int version) {

    /**
     * The context, or null when the service is not PostgreSQL, has no known limit (or one under Docker's
     * minimum), or its arguments are unreadable.
     */
    static PostgresContext of(Service s, RuleContext ctx) {
        if (!ctx.settings().kindOf(s).name().equals("postgres")) {
            return null;
        }
        Field<Long> limit = s.memoryLimit();
        if (!limit.hasValue() || limit.value() < ByteSize.DOCKER_MINIMUM_MEMORY) {
            return null;
        }
        Field<Double> cpus = s.cpuLimit();
        return of(s, ctx, limit.value(), cpus.hasValue() ? cpus.value() : 0);
    }

    /**
     * The context for a memory limit and CPU limit (0: none) not yet in the file: those the memory limit's
     * fix writes ({@link PlannedTuning}); null when the service is not PostgreSQL or its arguments are
     * unreadable.
     */
    static PostgresContext of(Service s, RuleContext ctx, long limit, double cpus) {
        if (!ctx.settings().kindOf(s).name().equals("postgres")) {
            return null;
        }
        PostgresServer server = PostgresServer.of(s);
        if (server == null) {
            return null;
        }
        return new PostgresContext(s, limit, cpus, server, server.image().majorVersion());
    }

    /** The version the settings are written for: the image's, or the oldest the formulas cover when unknown. */
    int tunedVersion() {
        return version == 0 ? PgTune.OLDEST : version;
    }

    /** Whether the formulas cover this server (a known version below 10 is not). */
    boolean tunable() {
        return version == 0 || version >= PgTune.OLDEST;
    }

    PgTune.Result tuned(RuleContext ctx) {
        TuningOptions o = ctx.settings().tuning();
        return PgTune.tune(new PgTune.Input(limit, cpus, server.connections(), o.profile(), o.storage(),
                tunedVersion()));
    }

    /** Where to point: the setting's argument, else the command, else the service. */
    YNode at(String setting) {
        PostgresServer.Setting s = setting == null ? null : server.setting(setting);
        if (s != null && s.arg() >= 0) {
            return server.args().args().get(s.arg()).node();
        }
        return server.args() != null ? server.args().node() : service.key();
    }

    /** The limit as written for people: {@code 512 MiB}. */
    String limitText() {
        return PgSize.human(limit);
    }

    /** Arguments to add for settings the server does not set yet: {@code -c name=value} each. */
    static List<List<String>> flags(Map<String, String> settings, PostgresServer server) {
        List<List<String>> out = new ArrayList<>();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (server.setting(e.getKey()) == null) {
                out.add(List.of("-c", e.getKey() + "=" + e.getValue()));
            }
        }
        return out;
    }

    /** The start of a new command for the image: the server, to which the entrypoint adds nothing. */
    List<String> baseCommand() {
        return server.bitnami() ? List.of() : List.of("postgres");
    }

    String variable() {
        return server.bitnami() ? PostgresServer.BITNAMI_FLAGS : null;
    }
}
