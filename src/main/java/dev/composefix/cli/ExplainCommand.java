package dev.composefix.cli;

import dev.composefix.engine.RuleCatalog;
import dev.composefix.engine.RuleMetadata;
import dev.composefix.engine.Spelling;
import dev.composefix.report.RuleHelp;
import dev.composefix.rules.Rules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code composefix explain NAME-OR-CODE}: one rule's documentation from {@code rules/<name>.yaml}. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explains a rule: what it reports, why it matters, a bad and a good example, its fix and "
                + "how safe that is, and its options."})
final class ExplainCommand implements Callable<Integer> {

    private final Io io;
    private final RuleCatalog catalog;

    @Parameters(paramLabel = "NAME-OR-CODE", arity = "1", description = "A rule's name or code, such as "
            + "missing-memory-limit or CF101.")
    String rule;

    ExplainCommand(Io io, RuleCatalog catalog) {
        this.io = io;
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
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
