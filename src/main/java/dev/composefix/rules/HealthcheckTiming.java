package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeDuration;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Dependency;
import dev.composefix.model.Field;
import dev.composefix.model.Healthcheck;
import dev.composefix.model.Service;
import dev.composefix.yaml.YNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CF104: health-check timing that defeats the check: a timeout not below the interval, an interval
 * under the floor (option {@code min-interval}, default 5s), retries below 1, or a disabled check on a
 * service that others wait for with {@code condition: service_healthy}.
 */
public final class HealthcheckTiming implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        Map<String, List<String>> waiters = waitersForHealthy(file);
        Duration floor = ctx.options().duration("min-interval");
        for (Service s : file.services()) {
            Healthcheck hc = s.healthcheck().orElse(null);
            if (hc == null) {
                continue;
            }
            if (hc.disabled()) {
                List<String> waiting = waiters.get(s.name());
                if (waiting != null) {
                    YNode at = hc.body() != null && hc.body().get("disable") != null
                            ? hc.body().get("disable").value() : hc.test() != null ? hc.test() : hc.entry().key();
                    ctx.report(s, at, "the health check is disabled, but " + join(waiting)
                            + (waiting.size() == 1 ? " waits" : " wait") + " for '" + s.name()
                            + "' to be healthy (depends_on condition: service_healthy) and will never start");
                }
                continue;
            }
            Duration interval = hc.effectiveInterval();
            Field<Duration> timeout = hc.timeout();
            if (timeout.hasValue() && interval != null && !interval.isZero()
                    && timeout.value().compareTo(interval) >= 0) {
                ctx.report(s, timeout.node(), "timeout " + fmt(timeout.value()) + " is not below the interval "
                        + fmt(interval) + (hc.interval().isSet() ? "" : " (Docker's default)")
                        + ": a hanging check holds the next one back; make the timeout shorter than the interval");
            }
            if (hc.interval().hasValue() && !interval.isZero() && interval.compareTo(floor) < 0) {
                ctx.report(s, hc.interval().node(), "interval " + fmt(interval) + " is under " + fmt(floor)
                        + ": a check this frequent is constant load on the container and the host; "
                        + "use at least " + fmt(floor));
            }
            Field<Long> retries = hc.retries();
            if (retries.hasValue() && retries.value() < 1) {
                ctx.report(s, retries.node(), "retries " + retries.value() + " is below 1: Docker reads "
                        + (retries.value() == 0 ? "0 as its default of 3"
                                : "a negative count as invalid and refuses to create the container")
                        + "; write the number of failures that should mark the service unhealthy");
            }
        }
    }

    /** For each service, the services whose depends_on waits for it to be healthy. */
    private static Map<String, List<String>> waitersForHealthy(ComposeFile file) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Service s : file.services()) {
            for (Dependency d : s.dependsOn()) {
                if (Dependency.HEALTHY.equals(d.effectiveCondition())) {
                    List<String> waiting = out.get(d.service());
                    if (waiting == null) { // not computeIfAbsent with a lambda, which a start would have to link
                        waiting = new ArrayList<>();
                        out.put(d.service(), waiting);
                    }
                    waiting.add(s.name());
                }
            }
        }
        return out;
    }

    private static String join(List<String> names) {
        if (names.size() == 1) {
            return "'" + names.get(0) + "'";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                b.append(i == names.size() - 1 ? " and " : ", ");
            }
            b.append('\'').append(names.get(i)).append('\'');
        }
        return b.toString();
    }

    private static String fmt(Duration d) {
        return ComposeDuration.format(d);
    }
}
