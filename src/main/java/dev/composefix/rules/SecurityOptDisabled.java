package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YSequence;
import java.util.Locale;
import java.util.Map;

/**
 * CF617: a {@code security_opt} that turns a protection off: {@code seccomp:unconfined},
 * {@code apparmor:unconfined}, {@code label:disable}, {@code systempaths=unconfined} (either separator).
 */
public final class SecurityOptDisabled extends ServiceRule {

    private static final Map<String, String> WHY = Map.of(
            "seccomp:unconfined", "turns off the seccomp filter that blocks dozens of dangerous system calls; if "
                    + "one call is missing, use a custom profile that allows just it (seccomp:./profile.json)",
            "apparmor:unconfined", "turns off the AppArmor profile that keeps the container away from /proc and /sys "
                    + "writes and mounts; load a profile that allows what it needs instead",
            "label:disable", "turns off SELinux labelling, so the container is no longer confined to its own files; "
                    + "relabel the mounts it needs (:z or :Z) instead",
            "systempaths:unconfined", "unmasks /proc and /sys paths that hide kernel and host information; remove it");

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        if (!(s.value("security_opt") instanceof YSequence seq)) {
            return;
        }
        for (YNode item : seq.items()) {
            Interpolated t = s.file().text(item);
            if (t == null || !t.known()) {
                continue;
            }
            String opt = t.text().strip().toLowerCase(Locale.ROOT).replaceFirst("=", ":");
            String why = WHY.get(opt);
            if (why != null) {
                ctx.report(s, item, "security_opt " + t.text().strip() + " " + why);
            }
        }
    }
}
