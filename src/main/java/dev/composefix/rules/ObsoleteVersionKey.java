package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.fix.TextEdit;
import dev.composefix.model.ComposeFile;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YamlDocument;
import java.util.List;

/** CF106: a top-level {@code version} key, which Compose ignores. Fix: remove its line (unless it is the only key). */
public final class ObsoleteVersionKey implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        for (YamlDocument doc : file.documents()) {
            YNode root = doc.root() == null ? null : doc.root().resolve();
            YEntry version = root instanceof YMapping m ? m.own("version") : null;
            if (version == null) {
                continue;
            }
            YMapping top = (YMapping) root;
            Fix fix = null;
            boolean untouchable = ctx.settings().into() != null; // --into leaves the other files alone
            // Not offered when the key is all the file holds (removing it leaves no document) or when the
            // line after it starts with U+FEFF, which at the start of the file would become a byte-order mark.
            if (!untouchable && !top.flow() && version.value().end().line() == version.key().start().line()
                    && top.entries().size() > 1) {
                TextEdit remove = ctx.editor(doc).removeEntry(top, version);
                if (remove.start() > 0 || !doc.text().startsWith("\uFEFF", remove.end())) {
                    fix = new Fix("remove the version line", ctx.fixSafety(), List.of(remove), List.of("version"));
                }
            }
            ctx.report(null, new Span(version.key().start(), version.value().end()),
                    "the top-level 'version' key is obsolete: Compose ignores it and warns on every run; "
                            + "remove the line", fix);
        }
    }
}
