package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.Service;
import dev.composefix.yaml.YEntry;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * CF609: a network declared at the top level that no service joins. A declared {@code default} is
 * used by every service without {@code networks} and {@code network_mode}. Not judged when the file
 * is only part of a project, or when a service joins a network given by a variable without a value.
 */
public final class UnusedNetwork implements Rule {

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        Map<String, YEntry> declared = TopLevel.declared(file, "networks");
        if (declared.isEmpty() || !ProjectScope.standsAlone(file)) {
            return;
        }
        Set<String> used = new HashSet<>();
        for (Service s : file.services()) {
            if (s.has("network_mode")) {
                continue;
            }
            if (!s.has("networks")) {
                used.add("default");
                continue;
            }
            for (UndefinedNetwork.Joined j : UndefinedNetwork.joined(s)) {
                if (j.name() == null) {
                    return;
                }
                used.add(j.name());
            }
        }
        for (Map.Entry<String, YEntry> e : declared.entrySet()) {
            if (!used.contains(e.getKey()) && !TopLevel.namedForOutside(e.getValue())) {
                ctx.report(null, e.getValue().key(), "network '" + e.getKey() + "' is declared but no service "
                        + "joins it: a leftover, or services that were meant to be on it talk over another network; "
                        + "add it to the services' networks, or remove the declaration");
            }
        }
    }
}
