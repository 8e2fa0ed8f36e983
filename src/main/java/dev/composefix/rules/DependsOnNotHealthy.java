package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.engine.Severity;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.fix.TextEdit;
import dev.composefix.model.Dependency;
import dev.composefix.model.Healthcheck;
import dev.composefix.model.Service;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CF107: {@code depends_on} in the short form, or with {@code condition: service_started}, on a
 * service that has a health check: the dependent starts before its dependency is ready. Fix (staged
 * startup): the long form with {@code condition: service_healthy} for dependencies with an enabled
 * health check (others keep {@code service_started}), other options kept.
 */
public final class DependsOnNotHealthy extends ServiceRule {

    /** This rule's code, for healthcheck-missing's fix, which carries this rule's fix for the check it adds. */
    static final String CODE = "CF107";

    @Override
    protected void checkService(Service service, RuleContext ctx) {
        var joint = ctx.rewriting() && !service.dependsOn().isEmpty()
                ? HealthcheckIntervalCollision.joint(service.file(), ctx) : null;
        Fix part = joint == null ? null : joint.waiting().get(service.name());
        if (part != null) {
            // The service also waits for checks healthcheck-missing adds in this pass: the fix that adds
            // them makes it wait for all of them at once (see HealthcheckIntervalCollision.joint).
            Fix all = joint.all().forPart(part);
            check(service, new Waitable(service), null, ctx, new JointReports(ctx, service, all));
            return;
        }
        check(service, new Waitable(service), null, ctx, Reports.to(ctx, service));
    }

    /** {@link #waitable} for one service. A class rather than a lambda, which a start would have to link. */
    private static final class Waitable implements Predicate<String> {
        private final Service service;

        Waitable(Service service) {
            this.service = service;
        }

        @Override
        public boolean test(String name) {
            return waitable(service, name);
        }
    }

    /**
     * Findings of {@code service} reported with the joint fix {@code all} in place of their own (see
     * {@link #checkService}). A class rather than a lambda, which a start would have to link.
     */
    private static final class JointReports implements Reports {
        private final RuleContext ctx;
        private final Service service;
        private final Fix all;

        JointReports(RuleContext ctx, Service service, Fix all) {
            this.ctx = ctx;
            this.service = service;
            this.all = all;
        }

        @Override
        public void report(Span at, Severity severity, String message, Fix fix) {
            ctx.report(service, at, message, fix == null ? null : all);
        }
    }

    /**
     * Checks the dependencies of {@code service} (only the one on {@code only}, when not null), taking
     * those {@code healthy} accepts as having an enabled health check: the file's, or one about to be
     * added ({@link HealthcheckMissing}).
     */
    static void check(Service service, Predicate<String> healthy, String only, RuleContext ctx, Reports out) {
        for (Dependency d : service.dependsOn()) {
            if (!Dependency.STARTED.equals(d.effectiveCondition()) || !healthy.test(d.service())
                    || only != null && !only.equals(d.service())) {
                continue;
            }
            YNode at = d.conditionNode() != null ? d.conditionNode() : d.node();
            out.report(at.span(), null, "'" + service.name() + "' starts as soon as '" + d.service()
                    + "' has started, not when it is ready; '" + d.service() + "' has a health check, so wait "
                    + "for it with 'condition: service_healthy'", fix(service, d, healthy, ctx));
        }
    }

    /**
     * A short-form list the service inherits (through an anchor or merge key) is replaced by an own
     * long-form mapping of every dependency, which means the same with the healthy conditions added;
     * the anchor and its other users are left alone.
     */
    private static Fix inheritedList(Service service, Predicate<String> healthy, RuleContext ctx, String target) {
        if (!(service.value("depends_on") instanceof YSequence list)) {
            return null;
        }
        Fragment.Mapping all = Fragment.mapping();
        for (YNode item : list.items()) {
            if (!(item.resolve() instanceof YScalar s) || s.isNull() || all.entries().containsKey(s.value())) {
                return null;
            }
            String condition = healthy.test(s.value()) ? Dependency.HEALTHY : Dependency.STARTED;
            all.entries().put(s.value(), Fragment.mapping("condition", Fragment.string(condition)));
        }
        return ServiceEdit.fix(service, ctx, Fragment.mapping("depends_on", all),
                "wait for healthy dependencies (long-form depends_on)", List.of(target));
    }

    /** The raw text of the service's depends_on names, to spot ones written with variables. */
    private static String written(Service service) {
        StringBuilder b = new StringBuilder();
        YNode deps = service.value("depends_on");
        if (deps instanceof YSequence seq) {
            for (YNode item : seq.items()) {
                if (item.resolve() instanceof YScalar s) {
                    b.append(s.value()).append('\n');
                }
            }
        } else if (deps instanceof YMapping m) {
            for (YEntry e : m.members()) {
                b.append(e.keyText()).append('\n');
            }
        }
        return b.toString();
    }

    /** The dependency is in this file and has an enabled health check. */
    static boolean waitable(Service service, String dependency) {
        Service target = service.file().service(dependency);
        Healthcheck hc = target == null || target == service ? null : target.healthcheck().orElse(null);
        return hc != null && !hc.disabled();
    }

    private static Fix fix(Service service, Dependency d, Predicate<String> healthy, RuleContext ctx) {
        String target = Fix.path("services", service.name(), "depends_on");
        if (written(service).contains("$")) {
            return null; // a name from a variable cannot become a mapping key: keys are not interpolated
        }
        if (!d.longForm() && ctx.settings().into() == null) {
            // Convert the list holding this item, in the file where it is written.
            YamlDocument doc = service.file().document(d.node().start().source());
            YMapping body = doc == null ? null : ServiceEdit.ownBody(doc, service.name());
            YEntry own = body == null ? null : body.own("depends_on");
            if (own == null || !(own.value() instanceof YSequence seq) || !seq.items().contains(d.node())) {
                return inheritedList(service, healthy, ctx, target); // the list comes through an anchor or merge key
            }
            Map<String, Fragment> values = new LinkedHashMap<>();
            for (YNode item : seq.items()) {
                if (!(item instanceof YScalar s) || s.isNull()) {
                    return null;
                }
                String condition = healthy.test(s.value()) ? Dependency.HEALTHY : Dependency.STARTED;
                values.put(s.value(), Fragment.mapping("condition", Fragment.string(condition)));
            }
            if (values.size() != seq.items().size()) {
                return null; // a dependency listed twice
            }
            if (ServiceEdit.leaks(doc, service.name(), "depends_on", new Fragment.Mapping(List.of(), values),
                    service.file().documents())) {
                return inheritedList(service, healthy, ctx, target);
            }
            List<TextEdit> edits = ctx.editor(doc).sequenceToMapping(body, own, values);
            return new Fix("wait for healthy dependencies (long-form depends_on)", ctx.fixSafety(), edits,
                    List.of(target));
        }
        return ServiceEdit.fix(service, ctx, Fragment.mapping("depends_on", Fragment.mapping(d.service(),
                Fragment.mapping("condition", Fragment.string(Dependency.HEALTHY)))),
                "wait for " + d.service() + " to be healthy", List.of(target));
    }
}
