package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeFile;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YEntry;

/** CF106: a top-level {@code version} key, which Compose ignores. */
public final class ObsoleteVersionKey implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        YEntry version = file.root() == null ? null : file.root().own("version");
        if (version == null) {
            return;
        }
        ctx.report(null, new Span(version.key().start(), version.value().end()),
                "the top-level 'version' key is obsolete: Compose ignores it and warns on every run; "
                        + "remove the line");
    }
}
