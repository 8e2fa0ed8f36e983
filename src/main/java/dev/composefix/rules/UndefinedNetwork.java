package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CF604: a service joins a network that the top-level {@code networks} does not declare. The
 * {@code default} network needs no declaration; {@code network_mode} is not a network.
 */
public final class UndefinedNetwork implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        if (!ProjectScope.standsAlone(file)) {
            return;
        }
        Set<String> declared = TopLevel.declared(file, "networks").keySet();
        for (Service s : file.services()) {
            for (Joined j : joined(s)) {
                if (j.name() == null || j.name().equals("default") || declared.contains(j.name())) {
                    continue;
                }
                ctx.report(s, j.node(), "network '" + j.name() + "' is not declared under the top-level 'networks:', "
                        + "so Compose refuses the file (refers to undefined network); declare it (networks: {"
                        + j.name() + ": {}}), or leave the service on the default network");
            }
        }
    }

    /** A network a service joins: its name (null when a variable has no value) and where it is written. */
    record Joined(String name, YNode node) {
    }

    /** The networks listed under the service's {@code networks}, list or mapping form. */
    static List<Joined> joined(Service s) {
        List<Joined> out = new ArrayList<>();
        YNode networks = s.value("networks");
        if (networks instanceof YSequence seq) {
            for (YNode item : seq.items()) {
                Interpolated t = s.file().text(item);
                out.add(new Joined(t == null || !t.known() ? null : t.text(), item));
            }
        } else if (networks instanceof YMapping m) {
            for (YEntry e : m.members()) {
                out.add(new Joined(e.keyText(), e.key()));
            }
        }
        return out;
    }
}
