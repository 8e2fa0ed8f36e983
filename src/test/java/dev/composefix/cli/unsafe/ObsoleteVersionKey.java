package dev.composefix.cli.unsafe;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.fix.FixSafety;
import dev.composefix.model.ComposeFile;
import java.util.List;

/** A stand-in for rule obsolete-version-key whose (correct) fix is marked unsafe, to test the flag. */
public final class ObsoleteVersionKey implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        if (file.root() == null || file.root().own("version") == null) {
            return;
        }
        ctx.report(null, file.root().own("version").key(), "version, with an unsafe fix",
                new Fix("remove the version line", FixSafety.UNSAFE,
                        List.of(ctx.editor().removeEntry(file.root(), file.root().own("version"))), List.of("version")));
    }
}
