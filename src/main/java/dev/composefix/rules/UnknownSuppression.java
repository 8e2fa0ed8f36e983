package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.engine.Spelling;
import dev.composefix.engine.Suppression;
import dev.composefix.model.ComposeFile;
import java.util.List;

/** CF002: a suppression comment names no rule, or a rule that does not exist. */
public final class UnknownSuppression implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        List<String> known = ctx.catalog().names();
        for (Suppression s : ctx.suppressions()) {
            if (s.names().isEmpty()) {
                ctx.report(null, s.span(), "suppression names no rule: list the rules to ignore, as in "
                        + "'# composefix: ignore[missing-memory-limit]'");
            }
            for (Suppression.Name n : s.names()) {
                if (n.rule() == null) {
                    ctx.report(null, n.span(), "'" + n.text() + "' is not a composefix rule code or name"
                            + Spelling.hint(n.text(), known));
                }
            }
        }
    }
}
