package dev.composefix.cli;

import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.Spelling;
import dev.composefix.report.RuleHelp;
import dev.composefix.rules.Rules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code composefix explain NAME-OR-CODE}: one rule's documentation from {@code rules/<name>.yaml}. */
final class ExplainCommand implements Callable<Integer> {

    private final Io io;
    private final RuleCatalog catalog;

    String rule;
    private CommandSpec spec;

    ExplainCommand(Io io, RuleCatalog catalog) {
        this.io = io;
        this.catalog = catalog;
    }

    /** The command's picocli model; the values parsed go to this command. */
    CommandSpec spec() {
        spec = Specs.command(this, "explain", "Explains a rule: what it reports, why it matters, a bad and a good "
                + "example, its fix and how safe that is, and its options.");
        spec.addPositional(PositionalParamSpec.builder().paramLabel("NAME-OR-CODE").arity("1").required(true).type(String.class)
                .description("A rule's name or code, such as missing-memory-limit or CF101.").build());
        return spec;
    }

    @Override
    public Integer call() {
        if (spec != null) {
            rule = (String) spec.positionalParameters().get(0).getValue();
        }
        RuleCatalog c = catalog != null ? catalog : Rules.catalog();
        RuleMetadata m = c.find(rule);
        if (m == null) {
            io.err().println("composefix: unknown rule '" + rule.strip() + "'" + Spelling.hint(rule.strip(), c.names())
                    + "; 'composefix rules' lists every rule");
            return ExitCode.USAGE;
        }
        io.out().print(RuleHelp.text(m));
        io.out().flush();
        return ExitCode.OK;
    }
}
