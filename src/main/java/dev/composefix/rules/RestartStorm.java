package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.model.Field;
import dev.composefix.model.Healthcheck;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import java.util.List;
import java.util.Locale;

/**
 * CF611: restarts without a bound. {@code restart: always} or {@code unless-stopped} on a service
 * with no health check and no memory or CPU limit, or a {@code deploy.restart_policy} that restarts
 * (condition {@code any} or {@code on-failure}) with neither {@code max_attempts} nor {@code delay}.
 * A {@code deploy.restart_policy} replaces {@code restart} in Compose, so {@code restart} is then not
 * judged. Fix (unsafe: the service is no longer restarted after a clean exit, after three failures, or
 * when the Docker daemon restarts): {@code restart: on-failure:3}.
 */
public final class RestartStorm extends ServiceRule {

    static final String BOUNDED = "on-failure:3";

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        if (!ResourceScope.judgesMissing(s)) {
            return;
        }
        YEntry policy = s.entry("deploy", "restart_policy");
        if (policy != null) {
            checkPolicy(s, policy, ctx);
            return;
        }
        Field<String> restart = s.restart();
        if (!restart.hasValue()) {
            return;
        }
        String mode = restart.value().strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("always") && !mode.equals("unless-stopped")) {
            return;
        }
        Healthcheck hc = s.healthcheck().orElse(null);
        if ((hc != null && !hc.disabled()) || s.memoryLimit().isSet() || s.cpuLimit().isSet()) {
            return;
        }
        ctx.report(s, restart.node(), "restart: " + mode + " with no health check and no memory or CPU limit: a "
                + "container that crashes on start, or leaks until the kernel kills it, is restarted forever, and "
                + "several doing so at once is the restart storm that takes small hosts and Docker Desktop down; "
                + "use restart: " + BOUNDED + " (or add limits and a health check so failures are contained and "
                + "visible)", fix(s, restart, ctx));
    }

    private static void checkPolicy(Service s, YEntry policy, RuleContext ctx) {
        if (!(policy.value().resolve() instanceof YMapping m)) {
            return;
        }
        String condition = text(s, m.value("condition"));
        if (condition == null || condition.equals("none") || condition.equals("no")
                || m.get("max_attempts") != null || m.get("delay") != null) {
            return;
        }
        ctx.report(s, policy.key(), "deploy.restart_policy restarts '" + s.name() + "' "
                + (condition.isEmpty() ? "on any exit (condition any, the default)" : "with condition " + condition)
                + " but sets neither max_attempts nor delay: a container that keeps crashing is restarted without "
                + "end; add a bound (condition: on-failure with max_attempts: 3) or, under Swarm, a delay and window "
                + "(delay: 5s, window: 2m)");
    }

    /** A scalar's interpolated, lower-cased text; empty when absent, null when unknown. */
    private static String text(Service s, YNode node) {
        if (node == null) {
            return "";
        }
        Interpolated t = s.file().text(node);
        return t == null ? "" : t.known() ? t.text().strip().toLowerCase(Locale.ROOT) : null;
    }

    private static Fix fix(Service s, Field<String> restart, RuleContext ctx) {
        if (!(restart.node().resolve() instanceof YScalar written) || written.value().indexOf('$') >= 0) {
            return null; // the policy comes from a variable: the value belongs to whoever sets it
        }
        return ServiceEdit.fix(s, ctx, Fragment.mapping("restart", Fragment.string(BOUNDED)),
                "restart on failure, at most 3 times", List.of(Fix.path("services", s.name(), "restart")));
    }
}
