package dev.composefix.cli;

import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.RuleOption;
import dev.composefix.report.JsonWriter;
import dev.composefix.rules.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code composefix rules}: every rule with its code, severity, fix safety, status and summary. */
final class RulesCommand implements Callable<Integer> {

    /** Bumped only when the JSON changes in a way that breaks readers. */
    static final int VERSION = 1;

    private final Io io;
    private final RuleCatalog catalog;

    String format = "text";
    private CommandSpec spec;

    RulesCommand(Io io, RuleCatalog catalog) {
        this.io = io;
        this.catalog = catalog;
    }

    /** The command's picocli model; the values parsed go to this command. */
    CommandSpec spec() {
        spec = Specs.command(this, "rules", "Lists every rule: code, name, default severity, fix safety, lifecycle "
                + "status, the version it appeared in, and what it reports.",
                "'composefix explain NAME-OR-CODE' documents one rule.");
        spec.addOption(Specs.option("--format", "FORMAT", String.class, "text or json.").defaultValue("text").build());
        return spec;
    }

    @Override
    public Integer call() {
        if (spec != null) {
            format = Specs.value(spec, "--format");
        }
        List<RuleMetadata> rules = (catalog != null ? catalog : Rules.catalog()).metadata();
        String out;
        switch (format) {
            case "text" -> out = table(rules);
            case "json" -> out = json(rules);
            default -> {
                io.err().println("composefix: --format must be text or json, not '" + format + "'");
                return ExitCode.USAGE;
            }
        }
        io.out().print(out);
        io.out().flush();
        return ExitCode.OK;
    }

    private static String table(List<RuleMetadata> rules) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"code", "name", "severity", "fix", "status", "since", "what it reports"});
        for (RuleMetadata m : rules) {
            rows.add(new String[] {m.code(), m.name(), m.severity().id(), m.fix().id(), m.status(), m.since(),
                m.summary()});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(c + 1 < row.length ? String.format("%-" + width[c] + "s  ", row[c]) : row[c]);
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static String json(List<RuleMetadata> rules) {
        JsonWriter w = new JsonWriter().beginObject().field("version", VERSION);
        w.name("rules").beginArray();
        for (RuleMetadata m : rules) {
            w.beginObject()
                    .field("code", m.code())
                    .field("name", m.name())
                    .field("severity", m.severity().id())
                    .field("category", m.category())
                    .field("fix", m.fix().id())
                    .field("status", m.status())
                    .field("since", m.since())
                    .field("summary", m.summary());
            w.name("options").beginArray();
            for (RuleOption o : m.options()) {
                w.beginObject()
                        .field("name", o.name())
                        .field("type", o.type().name().toLowerCase(Locale.ROOT))
                        .field("default", o.defaultValue())
                        .field("description", o.description())
                        .endObject();
            }
            w.endArray().endObject();
        }
        w.endArray();
        return w.endObject() + "\n";
    }
}
