package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.fix.Fix;
import dev.composefix.model.Service;
import dev.composefix.tuning.PgSize;
import dev.composefix.tuning.ServerArgs;
import dev.composefix.tuning.PgTune;
import dev.composefix.tuning.PostgresServer;
import java.util.ArrayList;
import java.util.List;

/**
 * CF302: PostgreSQL settings that do not fit the container: shared_buffers at or above the memory
 * limit, or shared_buffers plus work_mem for every connection above it (each connection may use
 * work_mem at least once, so under load the kernel kills the server). Fix (safe): the offending
 * values lowered to PGTune's for the limit (shared_buffers first, then work_mem), keeping the rest;
 * none when even those do not fit the connections given, or a value comes from a variable.
 */
public final class PostgresMemoryMismatch extends ServiceRule {

    /** PostgreSQL's defaults (postgresql.conf.sample). */
    static final long DEFAULT_SHARED_BUFFERS = 128L << 20;
    static final long DEFAULT_WORK_MEM = 4L << 20;
    static final int DEFAULT_CONNECTIONS = 100;

    /** This rule's code, for the memory limit's fix, which carries this rule's fix where it adds the limit. */
    static final String CODE = "CF302";

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        PostgresContext pg = PostgresContext.of(s, ctx);
        if (pg != null) {
            check(pg, ctx, Reports.to(ctx, s));
        }
    }

    /** Checks the settings of {@code pg} against its limit (the file's, or one about to be added). */
    static void check(PostgresContext pg, RuleContext ctx, Reports out) {
        Service s = pg.service();
        PostgresServer server = pg.server();
        long sb = server.bytes("shared_buffers", PgSize.Base.BLOCKS);
        long wm = server.bytes("work_mem", PgSize.Base.KB);
        if (sb < 0 && wm < 0) {
            return; // nothing given, or nothing readable: CF301's business
        }
        long sharedBuffers = sb >= 0 ? sb : DEFAULT_SHARED_BUFFERS;
        long workMem = wm >= 0 ? wm : DEFAULT_WORK_MEM;
        int connections = server.connections() > 0 ? server.connections() : DEFAULT_CONNECTIONS;
        long limit = pg.limit();
        boolean buffersTooBig = sharedBuffers >= limit;
        long total = sharedBuffers + workMem * connections;
        if (!buffersTooBig && total <= limit) {
            return;
        }
        PgTune.Result tuned = pg.tuned(ctx);
        long newBuffers = sharedBuffers;
        long newWorkMem = workMem;
        List<ServerArgs.Replacement> replacements = new ArrayList<>();
        List<List<String>> added = new ArrayList<>();
        List<String> lowered = new ArrayList<>();
        boolean fixable = pg.tunable();
        if (sharedBuffers > tuned.sharedBuffersKb() * 1024) {
            newBuffers = tuned.sharedBuffersKb() * 1024;
            fixable &= lower(server, "shared_buffers", PgSize.format(tuned.sharedBuffersKb()), replacements, added);
            lowered.add("shared_buffers");
        }
        if (newBuffers + newWorkMem * connections > limit && workMem > tuned.workMemKb() * 1024) {
            newWorkMem = tuned.workMemKb() * 1024;
            fixable &= lower(server, "work_mem", PgSize.format(tuned.workMemKb()), replacements, added);
            lowered.add("work_mem");
        }
        fixable &= !lowered.isEmpty() && newBuffers < limit && newBuffers + newWorkMem * connections <= limit;
        Fix fix = fixable ? ServerArgsEdit.fix(s, ctx, server.args(), pg.variable(), pg.baseCommand(), replacements,
                added, "lower " + String.join(" and ", lowered) + " to fit " + pg.limitText()) : null;
        String message;
        if (buffersTooBig) {
            message = "shared_buffers " + PgSize.human(sharedBuffers) + " is at or above the " + pg.limitText()
                    + " memory limit of '" + s.name() + "': the server allocates it at start and is killed as "
                    + "soon as it is filled; for this limit shared_buffers=" + PgSize.format(tuned.sharedBuffersKb());
        } else {
            message = "shared_buffers " + PgSize.human(sharedBuffers) + " plus work_mem " + PgSize.human(workMem)
                    + " for each of " + connections + " connections is " + PgSize.human(total) + ", above the "
                    + pg.limitText() + " memory limit of '" + s.name() + "': under load the kernel kills the server; "
                    + "for this limit shared_buffers=" + PgSize.format(tuned.sharedBuffersKb()) + " and work_mem="
                    + PgSize.format(tuned.workMemKb());
            if (!fixable && newBuffers + (tuned.workMemKb() * 1024) * connections > limit) {
                message += ", and even then " + connections + " connections do not fit: lower max_connections "
                        + "(a pooler such as PgBouncer serves many clients with few connections)";
            }
        }
        out.report(pg.at(buffersTooBig || sb >= 0 && sharedBuffers > tuned.sharedBuffersKb() * 1024
                ? "shared_buffers" : "work_mem").span(), null, message, fix);
    }

    /** Lowers a setting where it is given, or sets it (its default being what does not fit). */
    private static boolean lower(PostgresServer server, String name, String value,
            List<ServerArgs.Replacement> replacements, List<List<String>> added) {
        PostgresServer.Setting s = server.setting(name);
        if (s == null) {
            added.add(List.of("-c", name + "=" + value));
            return true;
        }
        if (s.arg() < 0) {
            return false;
        }
        replacements.add(new ServerArgs.Replacement(s.arg(), s.from(), s.to(), value));
        return true;
    }
}
