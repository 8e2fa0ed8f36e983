package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.model.ComposeFile;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YEntry;
import java.util.List;

/** CF106: a top-level {@code version} key, which Compose ignores. Fix: remove its line. */
public final class ObsoleteVersionKey implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        YEntry version = file.root() == null ? null : file.root().own("version");
        if (version == null) {
            return;
        }
        Fix fix = null;
        if (!file.root().flow() && version.value().end().line() == version.key().start().line()) {
            fix = new Fix("remove the version line", ctx.fixSafety(),
                    List.of(ctx.editor().removeEntry(file.root(), version)), List.of("version"));
        }
        ctx.report(null, new Span(version.key().start(), version.value().end()),
                "the top-level 'version' key is obsolete: Compose ignores it and warns on every run; "
                        + "remove the line", fix);
    }
}
