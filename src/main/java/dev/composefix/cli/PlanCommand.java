package dev.composefix.cli;

import dev.composefix.config.ConfigException;
import dev.composefix.engine.Host;
import dev.composefix.engine.Linter;
import dev.composefix.engine.RuleCatalog;
import dev.composefix.model.ByteSize;
import dev.composefix.model.ComposeFile;
import dev.composefix.plan.StackPlan;
import dev.composefix.report.JsonWriter;
import dev.composefix.rewrite.Reloader;
import dev.composefix.rewrite.RewriteFailure;
import dev.composefix.rewrite.RewriteResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code composefix plan FILE}: the stack's resources and schedule, now and after {@code rewrite}. */
final class PlanCommand extends CommandBase {

    String file;
    String format = "text";
    boolean unsafeFixes;

    @Override
    CommandSpec declare() {
        CommandSpec spec = Specs.command(this, "plan", "Shows every service's kind, memory limit and reservation, "
                + "CPU limit, health-check interval and start stage, the totals against the host budget, and how "
                + "often health checks fire together: as the file is now and as `rewrite` would make it.");
        spec.addPositional(PositionalParamSpec.builder().paramLabel("FILE").arity("0..1").type(String.class)
                .description("The compose file ('-' for standard input); or give the project's files with -f.")
                .build());
        spec.addOption(Specs.option("--format", "FORMAT", String.class, "text or json.").defaultValue("text").build());
        spec.addOption(Specs.flag("--unsafe-fixes", "Plan with the unsafe fixes applied too.").build());
        return spec;
    }

    @Override
    void read(CommandSpec parsed) {
        file = (String) parsed.positionalParameters().get(0).getValue();
        format = Specs.value(parsed, "--format");
        unsafeFixes = Specs.flag(parsed, "--unsafe-fixes");
    }

    PlanCommand(Io io, RuleCatalog catalog) {
        super(io, catalog);
    }

    @Override
    int execute() throws UsageException, ConfigException, ParseFailure, IOException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format must be text or json, not '" + format + "'");
        }
        Loaded loaded = load(file, null);
        String name = loaded.first().display();
        ComposeFile before = loaded.file();
        Linter linter = loaded.run().linter(loaded.config(), loaded.first().path());
        ComposeFile after;
        try {
            RewriteResult result = rewrite(loaded, linter, unsafeFixes);
            Map<String, String> texts = new LinkedHashMap<>();
            result.files().forEach((f, t) -> texts.put(f, t.text()));
            after = reload(loaded, texts);
        } catch (RewriteFailure | Reloader.Failure e) {
            io.err().println("composefix: planning " + name + " failed: " + e.getMessage());
            io.err().println("This is a bug in composefix; please report it together with the input files.");
            return ExitCode.INTERNAL;
        }
        StackPlan now = StackPlan.of(before, linter.settings());
        StackPlan then = StackPlan.of(after, linter.settings());
        Host host = linter.settings().host();
        io.out().print(format.equals("json") ? json(name, host, now, then) : text(name, host, now, then));
        io.out().flush();
        return ExitCode.OK;
    }

    private static String text(String name, Host host, StackPlan now, StackPlan then) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"service", "kind", "memory", "reservation", "cpus", "check every", "stage"});
        for (int i = 0; i < now.rows().size(); i++) {
            StackPlan.Row a = now.rows().get(i);
            StackPlan.Row b = i < then.rows().size() ? then.rows().get(i) : a;
            table.add(new String[] {a.service(), a.kind(), change(size(a.memory()), size(b.memory())),
                change(size(a.reservation()), size(b.reservation())), change(cpus(a.cpus()), cpus(b.cpus())),
                change(seconds(a.intervalSeconds()), seconds(b.intervalSeconds())),
                change(stage(a.stage()), stage(b.stage()))});
        }
        int[] width = new int[table.get(0).length];
        for (String[] row : table) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder(name).append(": ").append(now.rows().size())
                .append(now.rows().size() == 1 ? " service" : " services").append(" (now -> after rewrite)\n\n");
        for (String[] row : table) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(String.format("%-" + width[c] + "s", row[c])).append(c + 1 < row.length ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append('\n').append("memory limits: ").append(change(ByteSize.format(now.memoryTotal()),
                ByteSize.format(then.memoryTotal())));
        if (now.unlimited() > 0 || then.unlimited() > 0) {
            out.append(" (services without a limit: ").append(change(String.valueOf(now.unlimited()),
                    String.valueOf(then.unlimited()))).append(')');
        }
        if (host.memory() != null) {
            out.append(" of the host's ").append(ByteSize.format(host.memory()));
        }
        out.append('\n');
        out.append("health checks firing together: ").append(change(now.busySeconds() + " s",
                then.busySeconds() + " s")).append(" in the first hour (").append(then.checks())
                .append(" checks; spacing them 5 s apart gives ").append(then.naiveBusySeconds()).append(" s)\n");
        return out.toString();
    }

    private static String json(String name, Host host, StackPlan now, StackPlan then) {
        JsonWriter w = new JsonWriter().beginObject().field("version", 1).field("file", name);
        w.name("host").beginObject();
        if (host.memory() != null) {
            w.field("memory", host.memory());
        } else {
            w.name("memory").value((String) null);
        }
        if (host.cpus() == null) {
            w.name("cpus").value((String) null);
        } else {
            w.name("cpus").value(host.cpus().doubleValue());
        }
        w.endObject();
        w.name("before");
        plan(w, now);
        w.name("after");
        plan(w, then);
        return w.endObject() + "\n";
    }

    private static void plan(JsonWriter w, StackPlan p) {
        w.beginObject().name("services").beginArray();
        for (StackPlan.Row r : p.rows()) {
            w.beginObject().field("service", r.service()).field("kind", r.kind());
            nullable(w, "memory", r.memory());
            nullable(w, "reservation", r.reservation());
            if (r.cpus() == null) {
                w.name("cpus").value((String) null);
            } else {
                w.name("cpus").value(r.cpus().doubleValue());
            }
            nullable(w, "intervalSeconds", r.intervalSeconds());
            w.field("stage", r.stage()).endObject();
        }
        w.endArray().field("memoryTotal", p.memoryTotal()).field("servicesWithoutMemoryLimit", p.unlimited())
                .field("healthChecks", p.checks()).field("busySecondsFirstHour", p.busySeconds())
                .field("naiveSpacingBusySeconds", p.naiveBusySeconds()).endObject();
    }

    private static void nullable(JsonWriter w, String name, Long value) {
        if (value == null) {
            w.name(name).value((String) null);
        } else {
            w.field(name, value);
        }
    }

    private static String change(String a, String b) {
        return Objects.equals(a, b) ? a : a + " -> " + b;
    }

    private static String size(Long bytes) {
        return bytes == null ? "-" : ByteSize.format(bytes);
    }

    private static String cpus(Double c) {
        return c == null ? "-" : java.math.BigDecimal.valueOf(c).stripTrailingZeros().toPlainString();
    }

    private static String seconds(Long s) {
        return s == null ? "-" : s + "s";
    }

    private static String stage(int s) {
        return s == 0 ? "cycle" : String.valueOf(s);
    }
}
