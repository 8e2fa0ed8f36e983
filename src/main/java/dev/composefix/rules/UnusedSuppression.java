package dev.composefix.rules;

import dev.composefix.engine.LateRule;
import dev.composefix.engine.RuleContext;
import dev.composefix.engine.Suppression;
import dev.composefix.model.ComposeFile;

/**
 * CF003: a suppression silenced nothing. Only names of rules that ran count: a suppression for a rule
 * turned off in config is not reported.
 */
public final class UnusedSuppression implements LateRule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        for (Suppression s : ctx.suppressions()) {
            for (Suppression.Name n : s.names()) {
                if (n.rule() == null || n.used() || !ctx.runs(n.rule().code()) || isSuppressionRule(n)) {
                    continue;
                }
                String where = s.fileWide() ? "in this file" : "on line " + s.line();
                ctx.report(null, n.span(), "suppression of " + n.rule().name() + " silenced nothing " + where
                        + "; remove it");
            }
        }
    }

    /** Suppressions of this rule are judged by nobody, or this rule would judge itself. */
    private static boolean isSuppressionRule(Suppression.Name n) {
        return n.rule().name().equals("unused-suppression");
    }
}
