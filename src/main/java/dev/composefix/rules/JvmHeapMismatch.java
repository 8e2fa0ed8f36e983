package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.model.ByteSize;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.EnvironmentVariable;
import dev.composefix.model.Field;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * CF308: a JVM options variable ({@code JAVA_TOOL_OPTIONS}, {@code JAVA_OPTS}, {@code _JAVA_OPTIONS},
 * {@code ES_JAVA_OPTS}, {@code OPENSEARCH_JAVA_OPTS}) of a service with a memory limit sizes the heap
 * for more memory than the container has: {@code -Xmx} (or {@code -XX:MaxHeapSize}) above 75% of the
 * limit, leaving no room for the JVM's memory outside the heap; or, without one, a
 * {@code -XX:MaxRAMPercentage} above 75, or a {@code -XX:MaxRAM} above the limit. Each variable is
 * judged alone (which one the process reads depends on the image). Fix: {@code -Xmx} to 75% of the
 * limit in MiB, rounded down, with any {@code -Xms} above it (the JVM refuses to start with an
 * initial heap above the maximum); {@code MaxRAMPercentage} to 75.0; {@code MaxRAM} to the limit.
 * Only the value's characters change; never inside {@code ${...}}.
 */
public final class JvmHeapMismatch implements Rule {

    static final List<String> VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS", "_JAVA_OPTIONS", "ES_JAVA_OPTS",
            "OPENSEARCH_JAVA_OPTS");
    private static final long MIB = 1L << 20;
    private static final String NON_HEAP = "the JVM's memory outside the heap (metaspace, code cache, thread stacks, "
            + "direct buffers)";

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        for (Service s : file.services()) {
            Field<Long> limit = s.memoryLimit();
            if (!limit.hasValue() || limit.value() < ByteSize.DOCKER_MINIMUM_MEMORY) {
                continue;
            }
            for (String name : VARIABLES) {
                EnvironmentVariable v = s.environment().get(name);
                if (v != null && v.value() != null && v.value().known()) {
                    check(s, ctx, v, limit.value());
                }
            }
        }
    }

    /** One problem of a variable: what to say, and how its part of the fix is titled. */
    private record Problem(String message, String title) {
    }

    private static void check(Service s, RuleContext ctx, EnvironmentVariable v, long limit) {
        String name = v.name();
        Interpolated value = v.value();
        List<HeapOption> options = HeapOption.jvm(value.text());
        long target = HeapOption.threeQuartersMib(limit);
        String limitText = ByteSize.format(limit);
        String of = " in " + name + " of '" + s.name() + "'";
        List<Problem> problems = new ArrayList<>();
        HeapOption xmx = HeapOption.last(options, HeapOption.Flag.XMX);
        HeapOption percent = null;
        HeapOption maxRam = null;
        if (xmx != null) {
            if (xmx.bytes() > HeapOption.threeQuarters(limit)) {
                String lowered = xmx.name() + HeapOption.jvmSize(target, xmx.unit());
                problems.add(new Problem(xmx.written() + of + (xmx.bytes() >= limit
                        ? " is at or above its " + limitText + " memory limit: the heap alone can fill the container, "
                        + "and " + NON_HEAP + " then gets the JVM killed by the kernel"
                        : " leaves less than a quarter of its " + limitText + " memory limit for " + NON_HEAP
                        + ", so the kernel kills the JVM before the heap is full") + "; lower it to " + lowered
                        + " (75% of the limit)", "lower " + xmx.written() + " to " + lowered + " in " + name
                        + " (75% of " + limitText + ")"));
            }
        } else {
            percent = HeapOption.last(options, HeapOption.Flag.MAX_RAM_PERCENTAGE);
            if (percent != null && percent.percent() > 75) {
                problems.add(new Problem(percent.written() + of + " gives the heap " + percent.text() + "% of its "
                        + limitText + " memory limit and leaves too little for " + NON_HEAP + "; lower it to "
                        + percent.name() + "75.0", "lower " + percent.written() + " to 75.0 in " + name));
            } else {
                percent = null;
            }
            maxRam = HeapOption.last(options, HeapOption.Flag.MAX_RAM);
            if (maxRam != null && maxRam.bytes() > limit) {
                String set = maxRam.name() + HeapOption.jvmExactSize(limit, maxRam.unit());
                problems.add(new Problem(maxRam.written() + of + " is above its " + limitText + " memory limit: an "
                        + "explicit MaxRAM replaces the limit the JVM would detect, so it sizes the heap for memory the "
                        + "container does not have; set it to the limit, " + set, "set " + maxRam.written() + " to "
                        + set + " in " + name));
            } else {
                maxRam = null;
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        EnvironmentEdit.Site site = EnvironmentEdit.site(s, name);
        Fix fix = null;
        String why = null;
        if (site != null) {
            String raw = site.raw();
            List<HeapOption> written = HeapOption.jvm(raw);
            List<EnvironmentEdit.Replacement> parts = new ArrayList<>();
            if (xmx != null) {
                HeapOption lit = HeapOption.literal(written, options, HeapOption.Flag.XMX, raw);
                long lowered = target * MIB;
                boolean xmsAbove = false; // a loop, not a stream and a lambda a start would have to link
                for (HeapOption o : HeapOption.all(options, HeapOption.Flag.XMS)) {
                    xmsAbove |= o.bytes() > lowered;
                }
                HeapOption xms = xmsAbove ? HeapOption.literal(written, options, HeapOption.Flag.XMS, raw) : null;
                if (lit == null || (xmsAbove && xms == null)) {
                    why = (lit == null ? xmx.name() : "-Xms") + " comes from a variable (${...}), so change it where "
                            + "the variable is set";
                } else {
                    parts.add(new EnvironmentEdit.Replacement(lit.start(), lit.end(),
                            HeapOption.jvmSize(target, lit.unit())));
                    for (HeapOption o : HeapOption.all(written, HeapOption.Flag.XMS)) {
                        if (o.bytes() > lowered) {
                            parts.add(new EnvironmentEdit.Replacement(o.start(), o.end(),
                                    HeapOption.jvmSize(target, o.unit())));
                        }
                    }
                }
            }
            if (percent != null) {
                HeapOption lit = HeapOption.literal(written, options, HeapOption.Flag.MAX_RAM_PERCENTAGE, raw);
                if (lit == null) {
                    why = "MaxRAMPercentage comes from a variable (${...}), so change it where the variable is set";
                } else {
                    parts.add(new EnvironmentEdit.Replacement(lit.start(), lit.end(), "75.0"));
                }
            }
            if (maxRam != null) {
                HeapOption lit = HeapOption.literal(written, options, HeapOption.Flag.MAX_RAM, raw);
                if (lit == null) {
                    why = "MaxRAM comes from a variable (${...}), so change it where the variable is set";
                } else {
                    parts.add(new EnvironmentEdit.Replacement(lit.start(), lit.end(),
                            HeapOption.jvmExactSize(limit, lit.unit())));
                }
            }
            if (why == null) {
                fix = EnvironmentEdit.replace(s, ctx, site, parts, problems.get(0).title());
            }
        }
        for (Problem p : problems) {
            String message = p.message() + (why == null ? "" : "; composefix leaves it alone: " + why);
            ctx.report(s, v.node().span(), message, fix == null ? null : fix.withTitle(p.title()));
        }
    }
}
