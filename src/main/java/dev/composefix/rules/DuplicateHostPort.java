package dev.composefix.rules;

import dev.composefix.engine.Rule;
import dev.composefix.engine.RuleContext;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.PortMapping;
import dev.composefix.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CF607: two published ports that bind the same host port and protocol on overlapping addresses.
 * Ranges are expanded, variables read with their defaults; no host IP means every IPv4 and IPv6
 * address, {@code 0.0.0.0} every IPv4 and {@code ::} every IPv6 address, so {@code 0.0.0.0:80} and
 * {@code [::]:80} do not clash. Ports Docker picks itself (no host port, or a host range for one
 * container port), the same mapping written twice in one service, and services that are alternatives
 * (both behind profiles, none shared) are not reported. Each port is looked up in a hash map, so the
 * rule is linear in the number of published ports.
 */
public final class DuplicateHostPort implements Rule {

    /** One published port of a service. */
    private record Binding(Service service, PortMapping port, Set<String> profiles) {
    }

    /** How many host ports are looked up per file at most (a hostile file could publish huge ranges). */
    private static final int BUDGET = 1 << 20;

    @Override
    public void check(ComposeFile file, RuleContext ctx) {
        Map<Long, List<Binding>> byPort = new HashMap<>();
        int budget = BUDGET;
        for (Service s : file.services()) {
            List<PortMapping> ports = PortMapping.of(s);
            if (ports.isEmpty()) {
                continue;
            }
            Set<String> profiles = Profiles.of(s);
            for (PortMapping p : ports) {
                int width = p.hostEnd() - p.hostStart() + 1;
                if (!p.fixedHostPorts() || width > budget) {
                    continue;
                }
                budget -= width;
                Binding b = new Binding(s, p, profiles);
                Binding clash = null;
                for (int port = p.hostStart(); port <= p.hostEnd(); port++) {
                    Long key = key(port, p.protocol());
                    List<Binding> there = byPort.get(key);
                    if (there == null) {
                        there = new ArrayList<>();
                        byPort.put(key, there);
                    }
                    if (clash == null) {
                        clash = clash(b, there);
                    }
                    there.add(b);
                }
                if (clash != null) {
                    report(b, clash, ctx);
                }
            }
        }
    }

    private static long key(int port, String protocol) {
        int p = switch (protocol) {
            case "udp" -> 1;
            case "sctp" -> 2;
            default -> 0;
        };
        return (long) port * 4 + p;
    }

    private static Binding clash(Binding b, List<Binding> earlier) {
        for (Binding e : earlier) {
            if (e.service() == b.service() && same(e.port(), b.port())) {
                continue;
            }
            if (overlap(e.port().hostIp(), b.port().hostIp()) && !Profiles.alternatives(e.profiles(), b.profiles())) {
                return e;
            }
        }
        return null;
    }

    private static boolean same(PortMapping a, PortMapping b) {
        return a.hostIp().equals(b.hostIp()) && a.hostStart() == b.hostStart() && a.hostEnd() == b.hostEnd()
                && a.containerStart() == b.containerStart() && a.containerEnd() == b.containerEnd();
    }

    /** Whether two host addresses share an address: equal, or one is a wildcard covering the other's family. */
    static boolean overlap(String a, String b) {
        String x = canonical(a);
        String y = canonical(b);
        if (x.isEmpty() || y.isEmpty() || x.equals(y)) {
            return true;
        }
        boolean v6x = x.indexOf(':') >= 0;
        boolean v6y = y.indexOf(':') >= 0;
        if (v6x != v6y) {
            return false;
        }
        return v6x ? wildcard6(x) || wildcard6(y) : x.equals("0.0.0.0") || y.equals("0.0.0.0");
    }

    /** An IPv6 address as eight groups ({@code 0:0:0:0:0:0:0:1} for {@code ::1}); anything else lower-cased. */
    static String canonical(String ip) {
        String s = ip.toLowerCase(Locale.ROOT);
        if (s.indexOf(':') < 0 || s.indexOf('.') >= 0 || s.indexOf('%') >= 0) {
            return s;
        }
        int gap = s.indexOf("::");
        String[] head = gap < 0 ? s.split(":", -1) : part(s.substring(0, gap));
        String[] tail = gap < 0 ? new String[0] : part(s.substring(gap + 2));
        int missing = 8 - head.length - tail.length;
        if ((gap < 0 && head.length != 8) || (gap >= 0 && missing < 1)) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        try {
            for (String g : head) {
                b.append(Integer.toHexString(Integer.parseInt(g, 16))).append(':');
            }
            for (int i = 0; i < (gap < 0 ? 0 : missing); i++) {
                b.append("0:");
            }
            for (String g : tail) {
                b.append(Integer.toHexString(Integer.parseInt(g, 16))).append(':');
            }
        } catch (NumberFormatException e) {
            return s;
        }
        return b.substring(0, b.length() - 1);
    }

    private static String[] part(String groups) {
        return groups.isEmpty() ? new String[0] : groups.split(":", -1);
    }

    private static boolean wildcard6(String ip) {
        return ip.replace("0", "").replace(":", "").isEmpty();
    }

    private static void report(Binding b, Binding first, RuleContext ctx) {
        PortMapping p = b.port();
        PortMapping q = first.port();
        String owner = first.service() == b.service() ? "this service" : "'" + first.service().name() + "'";
        ctx.report(b.service(), p.node(), "host port " + p.hostText() + "/" + p.protocol()
                + (p.hostIp().isEmpty() ? " (all interfaces)" : "") + " is "
                + "already published by " + owner + " as " + q.hostText() + "/" + q.protocol() + " (line "
                + q.node().start().line() + "): Docker binds a host port once, so the second container fails to "
                + "start (port is already allocated); publish one of them on another host port");
    }
}
