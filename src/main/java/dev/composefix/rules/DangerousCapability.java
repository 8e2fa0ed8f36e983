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
            Map.entry("ALL", "use every capability, which is as good as privileged"),
            Map.entry("SYS_ADMIN", "mount filesystems, create namespaces and do most of what root can: the usual way "
                    + "out of a container"),
            Map.entry("SYS_MODULE", "load kernel modules, that is run code in the host's kernel"),
            Map.entry("SYS_RAWIO", "access devices and I/O ports directly"),
            Map.entry("SYS_PTRACE", "trace other processes and inject code into them"),
            Map.entry("SYS_BOOT", "reboot the host"),
            Map.entry("SYS_TIME", "set the host's clock"),
            Map.entry("NET_ADMIN", "reconfigure interfaces, routes and firewall rules (the host's own with "
                    + "network_mode: host)"),
            Map.entry("DAC_READ_SEARCH", "open any file by handle, which has been used to read the host's files"),
            Map.entry("MAC_ADMIN", "change the AppArmor or SELinux policy"),
            Map.entry("MAC_OVERRIDE", "bypass the AppArmor or SELinux policy"),
            Map.entry("BPF", "load BPF programs into the host's kernel"),
            Map.entry("PERFMON", "observe the host's kernel and other processes"));

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
                ctx.report(s, item, "cap_add " + cap + " lets '" + s.name() + "' " + why + (cap.equals("ALL")
                        ? "; add only the capabilities the service needs instead"
                        : "; drop it unless the service cannot work without it, and then add only this capability, "
                        + "ideally with cap_drop: [ALL] for the rest"));
            }
        }
    }
}
