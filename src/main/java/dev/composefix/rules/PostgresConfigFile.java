package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.Service;
import dev.composefix.tuning.PostgresServer;

/**
 * CF309: PostgreSQL started with {@code -c config_file=...}: its settings live in a mounted file
 * composefix does not read, so the memory rules cannot judge them, and say so instead of guessing.
 */
public final class PostgresConfigFile extends ServiceRule {

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        if (!ctx.settings().kindOf(s).name().equals("postgres")) {
            return;
        }
        PostgresServer server = PostgresServer.of(s);
        PostgresServer.Setting file = server == null ? null : server.setting("config_file");
        if (file == null) {
            return;
        }
        String limit = s.memoryLimit().hasValue() ? "the " + dev.composefix.tuning.PgSize.human(s.memoryLimit().value())
                + " memory limit" : "the container's memory limit";
        ctx.report(s, server.args().args().get(file.arg()).node(), "'" + s.name() + "' reads its settings from "
                + (file.value() == null ? "a configuration file" : file.value()) + ", which composefix does not see: "
                + "its memory settings are not checked; make sure shared_buffers plus work_mem for every connection "
                + "fit " + limit + ", or pass them with -c, which the rules check");
    }
}
