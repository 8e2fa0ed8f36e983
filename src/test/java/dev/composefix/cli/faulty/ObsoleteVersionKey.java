package dev.composefix.cli.faulty;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.fix.FixSafety;
import dev.composefix.fix.TextEdit;
import dev.composefix.model.ComposeFile;
import java.util.List;

/**
 * A deliberately broken stand-in for rule obsolete-version-key: its "fix" deletes the first line
 * of the services block, which breaks the file. Used to prove a failing fix writes nothing.
 */
public final class ObsoleteVersionKey implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        if (file.root() == null || file.root().own("version") == null) {
            return;
        }
        int at = file.document().text().indexOf("services:");
        ctx.report(null, file.root().own("version").key(), "broken on purpose",
                new Fix("break the file", FixSafety.SAFE, List.of(new TextEdit(at, at + 9, "  - [")),
                        List.of("version")));
    }
}
