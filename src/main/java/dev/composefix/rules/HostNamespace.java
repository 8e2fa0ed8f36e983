package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.Interpolated;
import dev.composefix.model.Service;
import dev.composefix.yaml.YEntry;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** CF616: {@code network_mode}, {@code pid}, {@code ipc} or {@code userns_mode} set to {@code host}. */
public final class HostNamespace extends ServiceRule {

    private static final Map<String, String> WHY = new LinkedHashMap<>();

    static {
        WHY.put("network_mode", "shares the host's network stack: it can bind any host port and reach every service "
                + "listening on the host's loopback, and its ports are no longer isolated or mapped; publish the ports "
                + "it needs with ports: instead");
        WHY.put("pid", "sees every process on the host, their command lines and environments, and can signal them; "
                + "remove it (pid: \"service:<name>\" shares with one container when a sidecar needs that)");
        WHY.put("ipc", "shares the host's System V IPC and shared memory; remove it (ipc: \"service:<name>\" shares "
                + "with one container)");
        WHY.put("userns_mode", "turns user-namespace remapping off, so root in the container is root on the host; "
                + "remove it");
    }

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        for (Map.Entry<String, String> w : WHY.entrySet()) {
            YEntry e = s.entry(w.getKey());
            Interpolated t = e == null ? null : s.file().text(e.value());
            if (t != null && t.known() && t.text().strip().toLowerCase(Locale.ROOT).equals("host")) {
                ctx.report(s, e.value(), w.getKey() + ": host: '" + s.name() + "' " + w.getValue());
            }
        }
    }
}
