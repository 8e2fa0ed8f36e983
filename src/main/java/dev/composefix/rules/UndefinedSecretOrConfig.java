package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YSequence;
import java.util.Set;

/**
 * CF605: a service (or its build) uses a secret or config that the top-level {@code secrets} or
 * {@code configs} does not declare, in the short form ({@code - db_password}) or the long form
 * ({@code - source: db_password}).
 */
public final class UndefinedSecretOrConfig implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        if (!ProjectScope.standsAlone(file)) {
            return;
        }
        Set<String> secrets = TopLevel.declared(file, "secrets").keySet();
        Set<String> configs = TopLevel.declared(file, "configs").keySet();
        for (Service s : file.services()) {
            check(s, s.value("secrets"), "secret", "secrets", secrets, ctx);
            check(s, s.value("build", "secrets"), "secret", "secrets", secrets, ctx);
            check(s, s.value("configs"), "config", "configs", configs, ctx);
        }
    }

    private static void check(Service s, YNode list, String what, String key, Set<String> declared, RuleContext ctx) {
        if (!(list instanceof YSequence seq)) {
            return;
        }
        for (YNode item : seq.items()) {
            YNode node = item.resolve() instanceof YMapping m ? m.value("source") : item;
            Interpolated t = s.file().text(node);
            if (t == null || !t.known() || declared.contains(t.text())) {
                continue;
            }
            ctx.report(s, node, what + " '" + t.text() + "' is not declared under the top-level '" + key
                    + ":', so Compose refuses the file (refers to undefined " + what + "); declare it with its "
                    + "source (" + key + ": {" + t.text() + ": {file: ./" + t.text() + ".txt}}), or remove the entry");
        }
    }
}
