package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.kinds.ServiceKind;
import dev.composefix.model.ComposeDuration;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Dependency;
import dev.composefix.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CF202: a service that others depend on has no health check, so nothing can wait for it to be
 * ready. Fix, for kinds whose image ships a tool to check with: the kind's health check and timing.
 */
public final class HealthcheckMissing implements Rule {

    static final String CODE = "CF202";

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        Map<String, List<String>> dependents = dependents(file);
        // In a rewrite, the services that may get a check from this rule, read before any is reported
        // (see withDependents).
        java.util.Set<String> planned = ctx.rewriting() ? planned(file, dependents, ctx) : java.util.Set.of();
        // In a rewrite, the collision plan that times the new checks with the file's (null: none).
        var joint = ctx.rewriting() && !planned.isEmpty() ? HealthcheckIntervalCollision.joint(file, ctx) : null;
        for (Map.Entry<String, List<String>> e : dependents.entrySet()) {
            Service target = file.service(e.getKey());
            if (!missing(target)) {
                continue;
            }
            ServiceKind kind = ResourcePlan.kindOf(target, ctx.settings());
            String who = e.getValue().size() == 1 ? "'" + e.getValue().get(0) + "' depends"
                    : e.getValue().size() + " services depend";
            String how = kind.hasHealthcheck() ? "; add one (for " + kind.name() + ": "
                    + String.join(" ", kind.healthcheck().subList(1, kind.healthcheck().size())) + ")"
                    : "; add one that checks what the service offers (no standard check is known for its image)";
            ctx.report(target, target.key(), "'" + target.name() + "' has no health check, but " + who
                    + " on it: nothing can wait for it to be ready" + how,
                    joint != null && joint.parts().containsKey(target.name())
                            ? joint.all().forPart(joint.parts().get(target.name()))
                            : ctx.rewriting() ? withDependents(fix(target, kind, null, ctx), file, target, e.getValue(), planned, ctx)
                            : fix(target, kind, null, ctx));
        }
    }

    /** The services others depend on, each with its dependents (by name, in file order). */
    private static Map<String, List<String>> dependents(ComposeFile file) {
        Map<String, List<String>> dependents = new LinkedHashMap<>();
        for (Service s : file.services()) {
            for (Dependency d : s.dependsOn()) {
                if (!d.service().equals(s.name())) {
                    List<String> waiting = dependents.get(d.service());
                    if (waiting == null) { // not computeIfAbsent with a lambda, which a start would have to link
                        waiting = new ArrayList<>();
                        dependents.put(d.service(), waiting);
                    }
                    waiting.add(s.name());
                }
            }
        }
        return dependents;
    }

    /**
     * The checks a rewrite's pass adds with this rule's fix: the services that get one, each with its
     * kind (whose check and timing it gets), and what their fixes are made from.
     */
    record Adding(ComposeFile file, Map<String, ServiceKind> kinds, Map<String, Fix> checks,
            Map<String, List<String>> dependents, java.util.Set<String> planned) {

        /** The service a check is added to. */
        Service target(String name) {
            return file.service(name);
        }
    }

    /**
     * The checks a rewrite's pass adds: where a finding of this rule is reported ({@link
     * RuleContext#mayFixFor}, so the answer is the same from another rule's context) and has a fix.
     */
    static Adding adding(ComposeFile file, RuleContext ctx) {
        Map<String, List<String>> dependents = dependents(file);
        java.util.Set<String> planned = planned(file, dependents, ctx);
        Map<String, ServiceKind> kinds = new LinkedHashMap<>();
        Map<String, Fix> checks = new HashMap<>();
        for (String name : dependents.keySet()) {
            if (!planned.contains(name)) {
                continue;
            }
            Service target = file.service(name);
            ServiceKind kind = ResourcePlan.kindOf(target, ctx.settings());
            Fix check = ctx.mayFixFor(CODE, target, target.key().span()) ? fix(target, kind, null, ctx) : null;
            if (check != null) {
                kinds.put(name, kind);
                checks.put(name, check);
            }
        }
        return new Adding(file, kinds, checks, dependents, planned);
    }

    /**
     * This rule's fix for {@code target} (one of {@code adding}'s) as a rewrite applies it, with the
     * conditions of its dependents, and the new check's values set to {@code changes} where given (its
     * interval and timeout in a collision plan).
     */
    static Fix added(Adding adding, Service target, Fragment.Mapping changes, RuleContext ctx) {
        Fix check = changes == null ? adding.checks().get(target.name())
                : fix(target, adding.kinds().get(target.name()), changes, ctx);
        return withDependents(check, target.file(), target,
                adding.dependents().getOrDefault(target.name(), List.of()), adding.planned(), ctx);
    }

    /**
     * The conditions of the services that wait for checks {@code adding} adds but whose fixes do not
     * carry them ({@link #withDependents}: they also wait for another service with a check, or another
     * new one), by service: depends-on-not-healthy's fix with the new checks counted, which that rule
     * would give in the next pass. Only where that rule reports and applies it ({@link
     * RuleContext#mayFixFor}). Valid only together with every check {@code adding} adds.
     */
    static Map<String, Fix> waiting(Adding adding, ComposeFile file, RuleContext ctx) {
        Map<String, Fix> out = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String target : adding.kinds().keySet()) {
            for (String name : adding.dependents().getOrDefault(target, List.of())) {
                Service d = file.service(name);
                if (d == null || seen.contains(name) || !waitsForOthers(d, target, adding.planned())) {
                    continue;
                }
                seen.add(name);
                List<Fix> found = new ArrayList<>();
                DependsOnNotHealthy.check(d, new Healthy(d, adding.kinds().keySet()), null, ctx,
                        Reports.carried(DependsOnNotHealthy.CODE, d, ctx, found));
                // A short list is converted whole by each of its findings' fixes: one of them.
                List<Fix> distinct = new ArrayList<>();
                java.util.Set<List<dev.composefix.fix.TextEdit>> edits = new java.util.HashSet<>();
                for (Fix f : found) {
                    if (edits.add(f.edits())) {
                        distinct.add(f);
                    }
                }
                Fix all;
                try {
                    all = Fix.combine("wait for healthy dependencies", distinct);
                } catch (IllegalArgumentException e) {
                    all = null;
                }
                if (all != null) {
                    out.put(name, all);
                }
            }
        }
        return out;
    }

    /**
     * Where a finding about a check this rule adds would be: at a line the file does not have yet, so that
     * only config and file-wide suppression comments apply to it.
     */
    static dev.composefix.yaml.Span newLine(Service s) {
        dev.composefix.yaml.Position key = s.key().span().start();
        return dev.composefix.yaml.Span.at(new dev.composefix.yaml.Position(0, 0, key.offset(), key.source()));
    }

    /**
     * The services of {@code dependents} that may get a check from this rule: missing one, of a kind that
     * has one (whether the rule's finding is silenced is not asked).
     */
    private static java.util.Set<String> planned(ComposeFile file, Map<String, List<String>> dependents,
            RuleContext ctx) {
        java.util.Set<String> planned = new java.util.HashSet<>();
        for (String name : dependents.keySet()) {
            Service target = file.service(name);
            if (missing(target) && ResourcePlan.kindOf(target, ctx.settings()).hasHealthcheck()) {
                planned.add(name);
            }
        }
        return planned;
    }

    /** Whether {@code target} is a service of the file this rule would give a check. */
    private static boolean missing(Service target) {
        return target != null && target.body() != null && !target.has("healthcheck") && !target.isFragment();
    }

    /**
     * {@code check} (the health check added to {@code target}) with depends-on-not-healthy's fix of each
     * service that depends on it, as that rule gives it once the check is in the file: the dependency
     * waits for {@code target} to be healthy. Carried by this fix, the rewrite needs no pass of its own
     * for it (the whole file parsed and linted once more); only where that rule would report it and
     * apply it ({@link RuleContext#mayFixFor}). Not for a service that waits for another service this
     * rule may give a check ({@code planned}), or for one with a health check already: another fix
     * converts its {@code depends_on} in this pass, and two such edits would meet (one of them, check
     * and all, would wait a pass); that service's conditions follow in the next pass, as before. Where
     * the carried edits meet another fix of the pass (a new {@code deploy} block where the list ends),
     * the rewrite takes {@code check} alone ({@link Fix#carrying}).
     */
    private static Fix withDependents(Fix check, ComposeFile file, Service target, List<String> dependents,
            java.util.Set<String> planned, RuleContext ctx) {
        if (check == null) {
            return null;
        }
        List<Fix> parts = new ArrayList<>();
        parts.add(check);
        for (String name : new java.util.LinkedHashSet<>(dependents)) {
            Service d = file.service(name);
            if (d == null || waitsForOthers(d, target.name(), planned)) {
                continue;
            }
            DependsOnNotHealthy.check(d, new Healthy(d, java.util.Collections.singleton(target.name())), target.name(),
                    ctx, Reports.carried(DependsOnNotHealthy.CODE, d, ctx, parts));
        }
        if (parts.size() == 1) {
            return check;
        }
        try {
            return Fix.combine(check.title() + " and wait for it in " + (parts.size() - 1 == 1 ? "1 service"
                    : (parts.size() - 1) + " services"), parts).carrying(check);
        } catch (IllegalArgumentException e) {
            return check;
        }
    }

    private static Fix fix(Service s, ServiceKind kind, Fragment.Mapping changes, RuleContext ctx) {
        if (!kind.hasHealthcheck()) {
            return null;
        }
        Fragment.Mapping hc = Fragment.mapping("test", Fragment.quotedList(kind.healthcheck()),
                "interval", Fragment.string(ComposeDuration.format(kind.interval().min())),
                "timeout", Fragment.string(ComposeDuration.format(kind.timeout())),
                "retries", Fragment.raw(String.valueOf(kind.retries())));
        if (kind.startPeriod() != null) {
            hc.entries().put("start_period", Fragment.string(ComposeDuration.format(kind.startPeriod())));
        }
        if (changes != null) {
            hc.entries().putAll(changes.entries()); // values of keys it has: each stays in its place
        }
        return ServiceEdit.fix(s, ctx, Fragment.mapping("healthcheck", hc), "add a " + kind.name()
                + " health check", List.of(Fix.path("services", s.name(), "healthcheck")));
    }

    /**
     * Whether {@code d} waits (as started) for a service other than {@code target} that has a health
     * check or may get one from this rule.
     */
    private static boolean waitsForOthers(Service d, String target, java.util.Set<String> planned) {
        for (Dependency dep : d.dependsOn()) {
            String other = dep.service();
            if (!other.equals(target) && Dependency.STARTED.equals(dep.effectiveCondition())
                    && (planned.contains(other) || DependsOnNotHealthy.waitable(d, other))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a service that {@code waiting} depends on is healthy when it starts: one of {@code checked} (which
     * get a health check), or one it may wait for as it is. A class rather than a lambda, which a start would
     * have to link.
     */
    private static final class Healthy implements java.util.function.Predicate<String> {
        private final Service waiting;
        private final java.util.Collection<String> checked;

        Healthy(Service waiting, java.util.Collection<String> checked) {
            this.waiting = waiting;
            this.checked = checked;
        }

        @Override
        public boolean test(String dependency) {
            return checked.contains(dependency) || DependsOnNotHealthy.waitable(waiting, dependency);
        }
    }
}
