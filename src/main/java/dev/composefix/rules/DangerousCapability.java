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
 * CF615: {@code cap_add} of a capability that reaches beyond the container: ALL, SYS_ADMIN,
 * SYS_MODULE, SYS_RAWIO, SYS_PTRACE, SYS_BOOT, SYS_TIME, NET_ADMIN, DAC_READ_SEARCH, MAC_ADMIN,
 * MAC_OVERRIDE, BPF, PERFMON (with or without the {@code CAP_} prefix, any case).
 */
public final class DangerousCapability extends ServiceRule {

    private static final Map<String, String> WHY = Map.ofEntries(
            Map.entry("ALL", "every capability, as good as privileged"),
            Map.entry("SYS_ADMIN", "mounts, namespaces and most of what root can do; the usual way out of a container"),
            Map.entry("SYS_MODULE", "loading kernel modules, i.e. running code in the host's kernel"),
            Map.entry("SYS_RAWIO", "raw access to devices and I/O ports"),
            Map.entry("SYS_PTRACE", "tracing and injecting code into other processes"),
            Map.entry("SYS_BOOT", "rebooting the host"),
            Map.entry("SYS_TIME", "setting the host's clock"),
            Map.entry("NET_ADMIN", "reconfiguring interfaces, routes and firewall rules of its network namespace, "
                    + "or the host's with network_mode: host"),
            Map.entry("DAC_READ_SEARCH", "reading any file by handle, which has been used to read the host's files"),
            Map.entry("MAC_ADMIN", "changing the mandatory access control (AppArmor, SELinux) policy"),
            Map.entry("MAC_OVERRIDE", "bypassing the mandatory access control policy"),
            Map.entry("BPF", "loading BPF programs into the host's kernel"),
            Map.entry("PERFMON", "observing the host's kernel and other processes"));

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        if (!(s.value("cap_add") instanceof YSequence seq)) {
            return;
        }
        for (YNode item : seq.items()) {
            Interpolated t = s.file().text(item);
            if (t == null || !t.known()) {
                continue;
            }
            String cap = t.text().strip().toUpperCase(Locale.ROOT);
            if (cap.startsWith("CAP_")) {
                cap = cap.substring(4);
            }
            String why = WHY.get(cap);
            if (why != null) {
                ctx.report(s, item, "cap_add " + cap + " gives '" + s.name() + "' " + why + "; drop it unless the "
                        + "service cannot work without it, and then add only this capability, ideally with "
                        + "cap_drop: [ALL] for the rest");
            }
        }
    }
}
