package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.yaml.YNode;

/** CF613: {@code privileged: true}. */
public final class Privileged extends ServiceRule {

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        YNode value = s.value("privileged");
        Interpolated t = s.file().text(value);
        if (t == null || !t.known() || !t.text().strip().equalsIgnoreCase("true")) {
            return;
        }
        ctx.report(s, s.entry("privileged").value(), "'" + s.name() + "' runs privileged: every capability, every "
                + "host device, no seccomp or AppArmor profile, so a process that escapes the container owns the "
                + "host; grant only what it needs instead (cap_add: [the one capability], devices: [the one device])");
    }
}
