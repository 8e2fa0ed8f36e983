package dev.composefix.engine;

import dev.composefix.fix.Fix;
import dev.composefix.fix.FixSafety;
import dev.composefix.script.ScriptFile;
import dev.composefix.yaml.Span;
import java.util.List;

/** What a rule sees while it checks one script file: its options and where to report. */
public final class ScriptContext {

    private final ActiveRule active;
    private final ScriptFile file;
    private final List<Finding> out;

    ScriptContext(ActiveRule active, ScriptFile file, List<Finding> out) {
        this.active = active;
        this.file = file;
        this.out = out;
    }

    /** The setting of this rule's fixes. */
    public FixSafety fixSafety() {
        return active.meta().fix();
    }

    public RuleOptions options() {
        return active.options();
    }

    /** Reports a finding at {@code span} of the script with the rule's default severity. */
    public void report(Span span, String message, Fix fix) {
        report(span, active.meta().severity(), message, fix);
    }

    /** Reports a milder (or harsher) variant of the rule's finding. */
    public void report(Span span, Severity severity, String message, Fix fix) {
        Severity s = active.severityOverride() != null ? active.severityOverride() : severity;
        RuleMetadata meta = active.meta();
        out.add(new Finding(meta.code(), meta.name(), s, file.display(), span.start(), span.end(), null, message,
                fix));
    }
}
