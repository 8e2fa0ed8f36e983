package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.kinds.ServiceKind;
import dev.composefix.model.ComposeDuration;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Healthcheck;
import dev.composefix.model.Service;
import dev.composefix.schedule.Check;
import dev.composefix.schedule.IntervalPlanner;
import dev.composefix.schedule.Plan;
import dev.composefix.yaml.YNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CF103: two services' health checks fire in the same second at least once per window when the stack
 * starts together: the least common multiple of their intervals, in whole seconds, is at most the
 * window (option {@code window}, default 10m). Services are grouped by interval, and only the distinct
 * intervals up to the window are compared pairwise, so the cost is linear in the number of services.
 * Fix: the interval planner moves only the colliding checks, each within its kind's band (capped so
 * that interval x retries + timeout stays within the kind's detection time), and gives a moved check
 * a timeout below its new interval and, for slow starters, a start period, where missing.
 */
public final class HealthcheckIntervalCollision implements Rule {

    private static final int NAMED = 5;

    /** What the plan reads of each service: its health check, and its kind (image, build). */
    static final java.util.Set<String> READS = java.util.Set.of("healthcheck", "image", "build");

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

    /**
     * A health check: one in the file ({@code adds} null), or, in a rewrite, one healthcheck-missing
     * adds in the same pass ({@code adds}: the service's kind; {@code at} the service's key), timed as
     * that rule writes it.
     */
    private record Member(int order, Service service, YNode at, long seconds, ServiceKind adds) {
    }

    /** The checks of a file grouped by interval, and which of them collide. */
    private record Grouping(List<Group> groups, List<Member> colliding, List<Group> of) {
    }

    /**
     * A plan for a grouping: the new intervals, the fix of each service it changes (by name), the fix
     * they combine into (null: none, or they could not be combined), and what it could not do.
     */
    record Schedule(Map<String, Long> next, Map<String, Fix> parts, Map<String, Fix> waiting, Fix all,
            boolean moves, java.util.Set<String> pinned, java.util.Set<String> unresolved, String explanation) {
    }

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        long window = window(ctx.options());
        Grouping found = group(members(file, window, java.util.Map.of()), window);
        List<Member> colliding = found.colliding();
        if (colliding.isEmpty()) {
            return;
        }
        // In a rewrite, the plan that also times the checks healthcheck-missing adds in the same pass
        // (see joint); else the plan over the checks in the file.
        Schedule plan = ctx.rewriting() ? joint(file, ctx) : null;
        if (plan == null) {
            plan = schedule(found, window, null, Map.of(), ctx);
        }
        for (int i = 0; i < colliding.size(); i++) {
            Member m = colliding.get(i);
            Group g = found.of().get(i);
            Long to = plan.next().get(m.service().name());
            String message = message(m, g, g.collidingCount - 1, window);
            if (to != null) {
                message += "; rewrite moves it to " + seconds(to);
            } else if (plan.pinned().contains(m.service().name())) {
                message += "; rewrite leaves it while changing it would also change another place (shared through "
                        + "an anchor or extends), and plans the others around it";
            } else if (plan.unresolved().contains(m.service().name())) {
                message += "; rewrite cannot separate it: " + plan.explanation();
            }
            ctx.report(m.service(), m.at(), message, Fix.planPart(plan.all(), plan.parts().get(m.service().name()),
                    READS, false));
        }
    }

    private static long window(dev.composefix.engine.RuleOptions options) {
        return Math.max(1, options.duration("window").toSeconds());
    }

    /**
     * The checks of the file that fire at most every {@code window}, in file order, with the checks
     * {@code adding} names (by service) where the file has none.
     */
    private static List<Member> members(ComposeFile file, long window, Map<String, ServiceKind> adding) {
        List<Member> members = new ArrayList<>();
        int order = 0;
        for (Service s : file.services()) {
            ServiceKind adds = adding.isEmpty() ? null : adding.get(s.name());
            Healthcheck hc = adds != null ? null : s.healthcheck().orElse(null);
            Duration interval;
            YNode at;
            if (adds != null) {
                interval = adds.interval().min();
                at = s.key();
            } else if (hc == null || hc.disabled()) {
                continue;
            } else {
                interval = hc.effectiveInterval();
                at = hc.interval().isSet() ? hc.interval().node() : hc.entry().key();
            }
            if (interval == null || interval.isZero() || interval.isNegative()) {
                continue;
            }
            long seconds = Math.max(1, Math.round(interval.toMillis() / 1000.0));
            if (seconds > window) {
                continue; // lcm >= max(a, b), so it can never collide within the window
            }
            members.add(new Member(order++, s, at, seconds, adds));
        }
        return members;
    }

    /** Groups the members by interval and finds which collide (distinct intervals compared pairwise). */
    private static Grouping group(List<Member> members, long window) {
        Map<Long, Group> groups = new TreeMap<>();
        for (Member m : members) {
            Group g = groups.get(m.seconds());
            if (g == null) { // not computeIfAbsent(Group::new), a method reference a start would have to link
                g = new Group(m.seconds());
                groups.put(m.seconds(), g);
            }
            g.members.add(m);
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
        List<Member> colliding = new ArrayList<>();
        List<Group> of = new ArrayList<>();
        for (Group g : list) {
            for (Member m : g.members) {
                if (g.collidingCount - 1 > 0) {
                    colliding.add(m);
                    of.add(g);
                }
            }
        }
        return new Grouping(list, colliding, of);
    }

    /**
     * The plan for the checks of {@code grouping}: every check within the window is planned, and the
     * colliding ones whose findings are reported get their new interval. A check being added gets its
     * whole new health check, at its planned interval, moved or not (the plan then writes every check it
     * assumed), and the fixes {@code waiting} gives (by service) go into the same fix. Whether a finding
     * is reported is asked as {@link RuleContext#mayFixFor} asks it, so the schedule is the same from
     * healthcheck-missing's context as from this rule's.
     */
    private static Schedule schedule(Grouping grouping, long window, HealthcheckMissing.Adding adding,
            Map<String, Fix> waiting, RuleContext ctx) {
        Map<String, Check> checks = new LinkedHashMap<>();
        java.util.Set<String> pinned = new java.util.HashSet<>(); // reported, but the edit would reach elsewhere
        for (Group all : grouping.groups()) {
            for (Member each : all.members) {
                Check c = check(each, ctx);
                checks.put(each.service().name(), c);
                if (c.minSeconds() == c.maxSeconds() && c.maxSeconds() == c.intervalSeconds() && reported(each, ctx)) {
                    pinned.add(each.service().name());
                }
            }
        }
        Plan plan = new IntervalPlanner(window, IntervalPlanner.DEFAULT_HORIZON_SECONDS)
                .plan(new ArrayList<>(checks.values()));
        // The intervals are chosen together, so they change together: one fix for the whole plan.
        Map<String, Long> next = plan.newIntervals(); // once: a map of every change, looked up per service
        Map<String, Fix> parts = new LinkedHashMap<>();
        boolean moves = false;
        java.util.Set<String> collidingAdded = new java.util.HashSet<>();
        for (Member m : grouping.colliding()) {
            Long to = next.get(m.service().name());
            if (m.adds() != null) {
                collidingAdded.add(m.service().name());
            } else if (to != null && reported(m, ctx)) {
                parts.put(m.service().name(), fix(m, to, ctx));
                moves = true;
            }
        }
        // Every check being added is written by the plan, at its planned interval where it collides and
        // moves: the plan reads every health check, and would otherwise wait for it (a check added beyond
        // the window collides with nothing, but is written all the same).
        for (Map.Entry<String, ServiceKind> e : adding == null ? Map.<String, ServiceKind>of().entrySet()
                : adding.kinds().entrySet()) {
            Service s = adding.target(e.getKey());
            Long to = collidingAdded.contains(e.getKey()) && reported(s, null, ctx) ? next.get(e.getKey()) : null;
            moves |= to != null;
            parts.put(e.getKey(), HealthcheckMissing.added(adding, s, to == null ? null : changes(e.getValue(), to), ctx));
        }
        List<Fix> all = new ArrayList<>(parts.values());
        all.addAll(waiting.values());
        Fix combined;
        try {
            combined = Fix.combine("stagger the health checks", all);
            combined = combined == null ? null : combined.asPlan(READS);
        } catch (IllegalArgumentException e) {
            combined = null;
        }
        // A set, once: thousands of checks may stay colliding, and each asks whether it is one of them.
        java.util.Set<String> unresolved = plan.resolved() ? java.util.Set.of() : new java.util.HashSet<>(plan.stillColliding());
        return new Schedule(next, parts, waiting, combined, moves, pinned, unresolved,
                plan.resolved() ? "" : plan.explanation());
    }

    /** The key under which a rewrite's lint of a file keeps the joint plan (see {@link #joint}). */
    private static final Object JOINT = new Object();

    /**
     * In a rewrite, the plan over the file's checks and the ones healthcheck-missing adds in this pass,
     * as the collision plan of the next pass would make it once they are in: one fix that writes the new
     * checks at their planned intervals (each with the conditions of its dependents that rule's fix
     * carries), moves the file's checks, and makes the services that wait for several new checks (or for
     * a new one and one the file has) wait for all of them, as depends-on-not-healthy would in the next
     * pass ({@link HealthcheckMissing#waiting}). It is attached to the findings of all three rules that
     * it answers. A pass then does what took two, with the same outcome: the planner sees the same
     * checks, timed the same way, and the conditions count the same checks. Null when there is nothing
     * to do jointly (no check to add; nothing to move and nobody waiting for several; both rules not
     * running alike; an override file being written; parts that could not be combined): each rule then
     * offers its own fix, and this plan waits for the new checks as before. Computed once per file and
     * lint ({@link RuleContext#shared}).
     */
    static Schedule joint(ComposeFile file, RuleContext ctx) {
        return ctx.shared(JOINT, new Joint(file, ctx));
    }

    /** Computes {@link #joint} (a class rather than a lambda, which a start would have to link). */
    private static final class Joint implements java.util.function.Supplier<Schedule> {
        private final ComposeFile file;
        private final RuleContext ctx;

        Joint(ComposeFile file, RuleContext ctx) {
            this.file = file;
            this.ctx = ctx;
        }

        @Override
        public Schedule get() {
            dev.composefix.engine.RuleOptions options = ctx.options(CODE);
            if (options == null || !ctx.runs(HealthcheckMissing.CODE) || ctx.settings().into() != null) {
                return null;
            }
            HealthcheckMissing.Adding adding = HealthcheckMissing.adding(file, ctx);
            if (adding.kinds().isEmpty()) {
                return null;
            }
            long window = window(options);
            Map<String, Fix> waiting = HealthcheckMissing.waiting(adding, file, ctx);
            Schedule s = schedule(group(members(file, window, adding.kinds()), window), window, adding, waiting, ctx);
            return !s.moves() && waiting.isEmpty() || s.all() == null || s.parts().values().contains(null) ? null : s;
        }
    }

    /** Whether this rule's finding for {@code m} would be reported (at a new check: by config and file-wide comments). */
    private static boolean reported(Member m, RuleContext ctx) {
        return reported(m.service(), m.adds() == null ? m.at() : null, ctx);
    }

    /** Whether this rule's finding for {@code s} at {@code at} would be reported; {@code at} null: at a check being added. */
    private static boolean reported(Service s, YNode at, RuleContext ctx) {
        return ctx.mayFixFor(CODE, s, at != null ? at.span() : HealthcheckMissing.newLine(s));
    }

    static final String CODE = "CF103";

    /**
     * The planner's view of a check: its interval now and the band its kind allows; a check that
     * rewrite cannot move (its finding is suppressed, or the edit would reach another service) stays
     * where it is, so the plan is one that can be carried out in full and planning again changes nothing.
     */
    private static Check check(Member m, RuleContext ctx) {
        ServiceKind kind = m.adds() != null ? m.adds() : ResourcePlan.kindOf(m.service(), ctx.settings());
        Healthcheck hc = m.adds() != null ? null : m.service().healthcheck().orElseThrow();
        long min = Math.max(1, kind.interval().min().toSeconds());
        long max = kind.interval().max().toSeconds();
        long retries = hc != null && hc.retries().hasValue() && hc.retries().value() >= 1 ? hc.retries().value() : kind.retries();
        Duration timeout = hc != null && hc.timeout().hasValue() ? hc.timeout().value() : kind.timeout();
        long byDetection = (kind.detection().toSeconds() - timeout.toSeconds()) / Math.max(1, retries);
        max = Math.max(min, Math.min(max, byDetection));
        if (!reported(m, ctx)
                || hc != null && !ServiceEdit.writable(m.service(), "healthcheck", changes(hc, kind, min))) {
            return new Check(m.service().name(), m.seconds(), m.seconds(), m.seconds());
        }
        return new Check(m.service().name(), m.seconds(), min, max);
    }

    /** The edits that give a service its planned interval, and a timeout and start period where needed. */
    private static Fix fix(Member m, long to, RuleContext ctx) {
        Service s = m.service();
        Fragment.Mapping changes = changes(s.healthcheck().orElseThrow(), ResourcePlan.kindOf(s, ctx.settings()), to);
        return ServiceEdit.fix(s, ctx, Fragment.mapping("healthcheck", changes), "check every " + seconds(to),
                List.of(Fix.path("services", s.name(), "healthcheck")));
    }

    /**
     * What a check moved to {@code to} seconds gets: the interval, a timeout below it when its own is not,
     * and a start period for a slow starter without one. Asked with the band's lowest interval, the keys
     * are all those any move may write (a timeout is needed most where the interval is shortest).
     */
    private static Fragment.Mapping changes(Healthcheck hc, ServiceKind kind, long to) {
        Fragment.Mapping changes = Fragment.mapping("interval", Fragment.string(seconds(to)));
        Duration timeout = hc.effectiveTimeout();
        if (timeout == null || timeout.toSeconds() >= to) {
            long t = kind.timeout().toSeconds() < to ? kind.timeout().toSeconds() : Math.max(1, to / 2);
            changes.entries().put("timeout", Fragment.string(seconds(t)));
        }
        if (kind.startPeriod() != null && !hc.startPeriod().isSet()) {
            changes.entries().put("start_period", Fragment.string(ComposeDuration.format(kind.startPeriod())));
        }
        return changes;
    }

    /**
     * What {@link #changes(Healthcheck, ServiceKind, long)} gives a check healthcheck-missing adds for
     * {@code kind} (its kind's timeout and start period) when moved to {@code to} seconds.
     */
    private static Fragment.Mapping changes(ServiceKind kind, long to) {
        Fragment.Mapping changes = Fragment.mapping("interval", Fragment.string(seconds(to)));
        if (kind.timeout().toSeconds() >= to) {
            changes.entries().put("timeout", Fragment.string(seconds(Math.max(1, to / 2))));
        }
        return changes;
    }

    /** Indexes of members by the members' order (a class rather than a lambda, which a start would have to link). */
    private static final class ByOrder implements java.util.Comparator<Integer> {
        private final List<Member> members;

        ByOrder(List<Member> members) {
            this.members = members;
        }

        @Override
        public int compare(Integer x, Integer y) {
            return Integer.compare(members.get(x).order(), members.get(y).order());
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
        idx.sort(new ByOrder(named));
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

    /** A duration as people write health-check intervals: 45s, 90s, 3m, 10m. */
    private static String seconds(long s) {
        if (s >= 120 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s < 600 ? s + "s" : ComposeDuration.format(Duration.ofSeconds(s));
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
