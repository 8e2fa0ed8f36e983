package dev.composefix.engine;

import dev.composefix.fix.Fix;
import dev.composefix.fix.FixSafety;
import dev.composefix.fix.YamlEditor;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Service;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YamlDocument;
import java.util.List;
import java.util.Map;

/** What a rule sees while it checks one file: its options, the file's suppressions, and where to report. */
public final class RuleContext {

    private final ActiveRule active;
    private final ComposeFile file;
    private final List<Suppression> suppressions;
    private final List<Finding> out;
    private final Linter linter;
    private final Map<YamlDocument, YamlEditor> editors;
    private final Map<Object, Object> shared;

    RuleContext(ActiveRule active, ComposeFile file, List<Suppression> suppressions, List<Finding> out,
            Linter linter, Map<YamlDocument, YamlEditor> editors, Map<Object, Object> shared) {
        this.active = active;
        this.file = file;
        this.suppressions = suppressions;
        this.out = out;
        this.linter = linter;
        this.editors = editors;
        this.shared = shared;
    }

    /** What {@link #shared} holds for a key: the value, possibly null. */
    private record Held(Object value) {
    }

    /**
     * What {@link #shared} computes for a key it does not hold yet: the supplier's value, held. A class rather
     * than a lambda, which a start would have to link.
     */
    private static final class Compute implements java.util.function.Function<Object, Object> {
        private final java.util.function.Supplier<?> compute;

        Compute(java.util.function.Supplier<?> compute) {
            this.compute = compute;
        }

        @Override
        public Object apply(Object key) {
            return new Held(compute.get());
        }
    }

    /** Makes a document's edit helpers (a class rather than a lambda, which a start would have to link). */
    private static final class NewEditor implements java.util.function.Function<YamlDocument, YamlEditor> {
        static final NewEditor INSTANCE = new NewEditor();

        @Override
        public YamlEditor apply(YamlDocument doc) {
            return new YamlEditor(doc);
        }
    }

    /**
     * The value {@code compute} gives, computed once per file and lint for {@code key} (compared by
     * equality; use a constant) and shared by every rule that asks: work two rules need alike, such as
     * a plan both attach to their findings, which must then be one fix. While one thread computes it,
     * another asking for the same key waits. {@code compute} must not ask for another shared value, and
     * must give the same whichever rule asks (use {@link #mayFixFor} and {@link #options(String)}, not
     * this rule's own view).
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(Object key, java.util.function.Supplier<T> compute) {
        return (T) ((Held) shared.computeIfAbsent(key, new Compute(compute))).value();
    }

    /** The options of the rule with {@code code} in this lint, or null when it does not run. */
    public RuleOptions options(String code) {
        ActiveRule other = linter.active(code);
        return other == null ? null : other.options();
    }

    /** The edit helpers for the (first) file (made once per file, on first use). */
    public YamlEditor editor() {
        return editor(file.document());
    }

    /** The edit helpers for one file of the project. */
    public YamlEditor editor(YamlDocument doc) {
        return editors.computeIfAbsent(doc, NewEditor.INSTANCE);
    }

    /** The setting of this rule's fixes. */
    public FixSafety fixSafety() {
        return active.meta().fix();
    }

    public RuleCatalog catalog() {
        return linter.catalog();
    }

    /** The host budget and the service kinds. */
    public Settings settings() {
        return linter.settings();
    }

    /** Whether the rule with {@code code} runs in this lint (it may be turned off by config). */
    public boolean runs(String code) {
        return linter.runs(code);
    }

    public RuleOptions options() {
        return active.options();
    }

    public List<Suppression> suppressions() {
        return suppressions;
    }

    /** Reports a finding at {@code node} with the rule's default severity. */
    public void report(Service service, YNode node, String message) {
        report(service, node.span(), active.meta().severity(), message);
    }

    /** Reports a milder (or harsher) variant of the rule's finding. */
    public void report(Service service, YNode node, Severity severity, String message) {
        report(service, node.span(), severity, message);
    }

    /** Reports a finding at {@code span} with the rule's default severity. */
    public void report(Service service, Span span, String message) {
        report(service, span, active.meta().severity(), message);
    }

    /** Whether {@code span} lies inside the service's own text (not inherited from an anchor elsewhere). */
    private static boolean within(Span span, Service service) {
        Span own = service.span();
        return span.start().offset() >= own.start().offset() && span.end().offset() <= own.end().offset();
    }

    public void report(Service service, Span span, Severity severity, String message) {
        report(service, span, severity, message, null);
    }

    /** Reports a finding with its fix. */
    public void report(Service service, YNode node, String message, Fix fix) {
        report(service, node.span(), active.meta().severity(), message, fix);
    }

    /** Reports a finding with its fix. */
    public void report(Service service, Span span, String message, Fix fix) {
        report(service, span, active.meta().severity(), message, fix);
    }

    /**
     * Whether a finding of this rule at {@code span} would be reported, not dropped by config or a
     * suppression comment: a fix that spans services (one budget, one schedule) must leave out the
     * services whose findings the user silenced.
     */
    public boolean reported(Service service, Span span) {
        return !linter.dropped(finding(service, span, active.meta().severity(), "", null), suppressions);
    }

    /**
     * Whether these findings feed a rewrite: a fix may then carry work another rule derives from it
     * ({@link #mayFixFor}), so the rewrite needs no pass of its own for that work. A lint shows each
     * finding's own fix, and spends nothing on work no report shows.
     */
    public boolean rewriting() {
        return linter.rewriting();
    }

    /**
     * Whether a fix of this rule may also do the work of the rule with {@code code} for {@code service}
     * (as the memory limit's new {@code deploy} block carries the CPU limit, which would otherwise meet
     * it there and wait a pass): that rule runs, a finding of it at {@code span} would be reported (not
     * dropped by config or a suppression comment), and its fixes are exactly as safe as this rule's.
     */
    public boolean mayFixFor(String code, Service service, Span span) {
        ActiveRule other = linter.active(code);
        if (other == null || other.meta().fix() != active.meta().fix()) {
            return false;
        }
        return !linter.dropped(finding(other, service, span, other.meta().severity(), "", null), suppressions);
    }

    public void report(Service service, Span span, Severity severity, String message, Fix fix) {
        out.add(finding(service, span, severity, message, fix));
    }

    private Finding finding(Service service, Span span, Severity severity, String message, Fix fix) {
        return finding(active, service, span, severity, message, fix);
    }

    private Finding finding(ActiveRule rule, Service service, Span span, Severity severity, String message, Fix fix) {
        Severity s = rule.severityOverride() != null ? rule.severityOverride() : severity;
        RuleMetadata meta = rule.meta();
        String where = span.start().source() != null ? span.start().source() : file.path();
        if (service != null && !java.util.Objects.equals(span.start().source(), service.key().start().source())) {
            message = "in service '" + service.name() + "': " + message; // set in another file of the project
        } else if (service != null && !within(span, service)) {
            message = "in service '" + service.name() + "' (inherited through an anchor or merge key): " + message;
        }
        return new Finding(meta.code(), meta.name(), s, where, span.start(), span.end(),
                service == null ? null : service.name(), message, fix);
    }
}
