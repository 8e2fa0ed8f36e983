package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeDuration;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Healthcheck;
import dev.composefix.model.Service;
import dev.composefix.yaml.YNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CF103: two services' health checks fire in the same second at least once per window when the stack
 * starts together: the least common multiple of their intervals, in whole seconds, is at most the
 * window (option {@code window}, default 10m). Services are grouped by interval, and only the distinct
 * intervals up to the window are compared pairwise, so the cost is linear in the number of services.
 */
public final class HealthcheckIntervalCollision implements Rule {

    private static final int NAMED = 5;

    /** Services sharing one interval, in file order. */
    private static final class Group {
        final long seconds;
        final List<Member> members = new ArrayList<>();
        final List<Group> collides = new ArrayList<>();
        long collidingCount;

        Group(long seconds) {
            this.seconds = seconds;
        }
    }

    private record Member(int order, Service service, YNode at) {
    }

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        long window = Math.max(1, ctx.options().duration("window").toSeconds());
        Map<Long, Group> groups = new TreeMap<>();
        int order = 0;
        for (Service s : file.services()) {
            Healthcheck hc = s.healthcheck().orElse(null);
            if (hc == null || hc.disabled()) {
                continue;
            }
            Duration interval = hc.effectiveInterval();
            if (interval == null || interval.isZero() || interval.isNegative()) {
                continue;
            }
            long seconds = Math.max(1, Math.round(interval.toMillis() / 1000.0));
            if (seconds > window) {
                continue; // lcm >= max(a, b), so it can never collide within the window
            }
            YNode at = hc.interval().isSet() ? hc.interval().node() : hc.entry().key();
            groups.computeIfAbsent(seconds, Group::new).members.add(new Member(order++, s, at));
        }
        List<Group> list = new ArrayList<>(groups.values());
        for (int i = 0; i < list.size(); i++) {
            Group a = list.get(i);
            for (int j = i; j < list.size(); j++) {
                Group b = list.get(j);
                if (lcm(a.seconds, b.seconds) <= window) {
                    a.collides.add(b);
                    a.collidingCount += b.members.size();
                    if (a != b) {
                        b.collides.add(a);
                        b.collidingCount += a.members.size();
                    }
                }
            }
        }
        for (Group g : list) {
            for (Member m : g.members) {
                long others = g.collidingCount - 1;
                if (others <= 0) {
                    continue;
                }
                ctx.report(m.service(), m.at(), message(m, g, others, window));
            }
        }
    }

    private static String message(Member self, Group own, long others, long window) {
        List<Member> named = new ArrayList<>();
        List<Group> of = new ArrayList<>();
        for (Group g : own.collides) {
            int taken = 0;
            for (Member m : g.members) {
                if (m == self) {
                    continue;
                }
                named.add(m);
                of.add(g);
                if (++taken == NAMED) {
                    break;
                }
            }
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            idx.add(i);
        }
        idx.sort((x, y) -> Integer.compare(named.get(x).order(), named.get(y).order()));
        StringBuilder b = new StringBuilder("health check every ").append(seconds(own.seconds))
                .append(" fires in the same second as ");
        int shown = Math.min(NAMED, idx.size());
        for (int k = 0; k < shown; k++) {
            Member m = named.get(idx.get(k));
            Group g = of.get(idx.get(k));
            if (k > 0) {
                b.append(k == shown - 1 && others == shown ? " and " : ", ");
            }
            b.append(m.service().name()).append(" (every ").append(seconds(g.seconds));
            long together = lcm(own.seconds, g.seconds);
            if (together != own.seconds || g.seconds != own.seconds) {
                b.append(", together every ").append(seconds(together));
            }
            b.append(')');
        }
        if (others > shown) {
            b.append(" and ").append(others - shown).append(" more");
        }
        b.append("; stagger the intervals so that no two checks meet within ").append(seconds(window));
        return b.toString();
    }

    private static String seconds(long s) {
        return ComposeDuration.format(Duration.ofSeconds(s));
    }

    static long lcm(long a, long b) {
        return a / gcd(a, b) * b;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
