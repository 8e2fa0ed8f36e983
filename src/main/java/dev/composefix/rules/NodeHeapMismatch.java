package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.engine.Severity;
import dev.composefix.fix.Fix;
import dev.composefix.model.ByteSize;
import dev.composefix.model.CommandLine;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.EnvironmentVariable;
import dev.composefix.model.Field;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CF307: a Node.js service with a memory limit whose V8 heap is not sized to it: no
 * {@code --max-old-space-size} (warning), or one above 75% of the limit (warning), or at or above the
 * limit (error). A service is Node.js when its kind is (node images, n8n, Kibana and OpenSearch
 * Dashboards) or it sets {@code NODE_OPTIONS}. The option is read from {@code NODE_OPTIONS}
 * ({@code =N} or {@code N} after a space, dashes or underscores), or from the command or entrypoint,
 * which wins over it. Fix: set or lower it to 75% of the limit in MiB, rounded down, in
 * {@code NODE_OPTIONS} (see {@link EnvironmentEdit}); never inside {@code ${...}}, never in a command.
 */
public final class NodeHeapMismatch implements Rule {

    static final String VARIABLE = "NODE_OPTIONS";
    private static final Set<String> NODE_KINDS = Set.of("node-app", "n8n", "kibana");

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        for (Service s : file.services()) {
            check(s, ctx);
        }
    }

    /** This rule's code, for the memory limit's fix, which carries this rule's fix where it adds the limit. */
    static final String CODE = "CF307";

    private static void check(Service s, RuleContext ctx) {
        Field<Long> limitField = s.memoryLimit();
        if (!limitField.hasValue() || limitField.value() < ByteSize.DOCKER_MINIMUM_MEMORY) {
            return;
        }
        check(s, limitField.value(), ctx, Reports.to(ctx, s));
    }

    /** Checks the heap of {@code s} against {@code limit} (the file's, or one about to be added). */
    static void check(Service s, long limit, RuleContext ctx, Reports out) {
        long target = HeapOption.threeQuartersMib(limit);
        String limitText = ByteSize.format(limit);
        EnvironmentVariable variable = s.environment().get(VARIABLE);
        boolean node = variable != null || NODE_KINDS.contains(ctx.settings().kindOf(s).name());
        if (!node) {
            return;
        }
        Optional<CommandLine> command = commandSetting(s);
        if (command.isPresent()) {
            CommandLine c = command.get();
            HeapOption o = HeapOption.last(HeapOption.node(text(s, c)), HeapOption.Flag.MAX_OLD_SPACE_SIZE);
            if (o != null && Long.parseLong(o.text()) > target) {
                out.report(c.node().span(), severity(o, limit), tooLarge(s, o, "the command line", limit, target)
                        + "; composefix leaves it alone: it edits NODE_OPTIONS, not commands", null);
            }
            return;
        }
        if (variable == null) {
            if (!ResourceScope.judgesMissing(s) || s.has("env_file")) {
                return; // the option may come from another file, a service extended, or an env file
            }
            String value = "--max-old-space-size=" + target;
            out.report(s.key().span(), Severity.WARNING, missing(s, limitText, "no --max-old-space-size")
                    + "; set " + VARIABLE + "=" + value + " (75% of the limit)", EnvironmentEdit.add(s, ctx, VARIABLE, value,
                    "set " + VARIABLE + "=" + value + " (75% of " + limitText + ")"));
            return;
        }
        Interpolated value = variable.value();
        if (value == null || !value.known()) {
            return; // passed through from where the stack runs, or a variable without a default
        }
        YNode at = variable.node();
        HeapOption effective = HeapOption.last(HeapOption.node(value.text()), HeapOption.Flag.MAX_OLD_SPACE_SIZE);
        EnvironmentEdit.Site site = EnvironmentEdit.site(s, VARIABLE);
        String raw = site == null ? null : site.raw();
        if (effective == null) {
            String option = "--max-old-space-size=" + target;
            String message = missing(s, limitText, "its " + VARIABLE + " sets no --max-old-space-size") + "; add "
                    + option + " (75% of the limit)";
            Fix fix = null;
            if (raw != null && !VariableReferences.spans(raw).isEmpty()) {
                message += "; composefix leaves it alone: " + VARIABLE + " is built from variables, so add it "
                        + "where they are set";
            } else if (raw != null) {
                String sep = raw.isEmpty() || Character.isWhitespace(raw.charAt(raw.length() - 1)) ? "" : " ";
                fix = EnvironmentEdit.replace(s, ctx, site, List.of(new EnvironmentEdit.Replacement(raw.length(),
                        raw.length(), sep + option)), "add " + option + " to " + VARIABLE + " (75% of " + limitText + ")");
            }
            out.report(at.span(), Severity.WARNING, message, fix);
            return;
        }
        long mib = Long.parseLong(effective.text());
        if (mib <= target) {
            return;
        }
        String message = tooLarge(s, effective, VARIABLE, limit, target);
        Fix fix = null;
        if (raw != null) {
            HeapOption literal = HeapOption.literal(HeapOption.node(raw), HeapOption.node(value.text()),
                    HeapOption.Flag.MAX_OLD_SPACE_SIZE, raw);
            if (literal == null) {
                message += "; composefix leaves it alone: the value comes from a variable (${...}), so change it "
                        + "where the variable is set";
            } else {
                fix = EnvironmentEdit.replace(s, ctx, site, List.of(new EnvironmentEdit.Replacement(literal.start(),
                        literal.end(), Long.toString(target))), "lower " + effective.written() + " to " + target
                        + " (75% of " + limitText + ")");
            }
        }
        out.report(at.span(), severity(effective, limit), message, fix);
    }

    private static Severity severity(HeapOption o, long limit) {
        return o.bytes() >= limit ? Severity.ERROR : Severity.WARNING;
    }

    private static String missing(Service s, String limit, String what) {
        return "Node.js service '" + s.name() + "' has a " + limit + " memory limit and " + what + ": V8 sizes its "
                + "heap by its own heuristic (from the host's memory where it cannot read the container's limit), "
                + "and a heap that outgrows the limit gets the process killed by the kernel instead of collected";
    }

    private static String tooLarge(Service s, HeapOption o, String where, long limit, long target) {
        String head = o.written() + " in " + where + " of '" + s.name() + "' ";
        String lower = "; lower it to --max-old-space-size=" + target + " (75% of the limit)";
        if (o.bytes() >= limit) {
            return head + "is at or above its " + ByteSize.format(limit) + " memory limit: V8 lets the heap grow that "
                    + "far before it must collect garbage, so the kernel kills the process first" + lower;
        }
        return head + "is above 75% of its " + ByteSize.format(limit) + " memory limit: that leaves less than a "
                + "quarter for the memory outside the heap (code, stacks, buffers), so the kernel can kill the process "
                + "before V8 must collect garbage" + lower;
    }

    /** The command or entrypoint when it sets {@code --max-old-space-size} itself (the command line wins over NODE_OPTIONS). */
    private static Optional<CommandLine> commandSetting(Service s) {
        for (Optional<CommandLine> c : List.of(s.command(), s.entrypoint())) {
            if (c.isPresent() && !HeapOption.node(text(s, c.get())).isEmpty()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** A command's words, interpolated where known, joined by spaces. */
    private static String text(Service s, CommandLine c) {
        List<String> words = new ArrayList<>();
        for (YScalar part : c.parts()) {
            Interpolated t = s.file().text(part);
            words.add(t == null ? part.value() : t.text());
        }
        return String.join(" ", words);
    }
}
