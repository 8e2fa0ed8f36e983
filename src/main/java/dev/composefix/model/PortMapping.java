package dev.composefix.model;

import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One item of a service's {@code ports}, read the way Docker reads it, after interpolation: the short
 * syntax {@code [HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]} (an IPv6 host IP in
 * brackets, {@code [::1]:8080:80}, or bare, {@code ::1:8080:80}) or the long syntax
 * ({@code target}, {@code published}, {@code host_ip}, {@code protocol}).
 *
 * @param node the item as written (aliases resolved)
 * @param longSyntax whether the item is a mapping
 * @param hostIp the host address without brackets, empty when none is written (all interfaces)
 * @param hostStart the first published host port, 0 when none is written (Docker picks one)
 * @param hostEnd the last published host port (equal to {@code hostStart} for a single port)
 * @param containerStart the first container port
 * @param containerEnd the last container port
 * @param protocol {@code tcp}, {@code udp} or {@code sctp}, lower case
 */
public record PortMapping(YNode node, boolean longSyntax, String hostIp, int hostStart, int hostEnd,
        int containerStart, int containerEnd, String protocol) {

    /** Every item of the service's ports that can be read here (items with unknown variables are left out). */
    public static List<PortMapping> of(Service service) {
        List<PortMapping> out = new ArrayList<>();
        for (YNode item : service.ports()) {
            Optional<PortMapping> p = parse(service.file(), item);
            if (p.isPresent()) {
                out.add(p.get());
            }
        }
        return out;
    }

    /** Reads one item; empty when a variable in it is unknown or it is not a port Docker accepts. */
    public static Optional<PortMapping> parse(ComposeFile file, YNode item) {
        YNode node = item.resolve();
        if (node instanceof YMapping m) {
            return longSyntax(file, m);
        }
        Interpolated t = file.text(node);
        if (t == null || !t.known()) {
            return Optional.empty();
        }
        return shortSyntax(node, t.text().strip());
    }

    /** Whether a host port is written (else Docker publishes on a port it picks, or nothing for long syntax). */
    public boolean published() {
        return hostStart > 0;
    }

    /**
     * Whether each host port maps to one container port. A host range for a single container port
     * ({@code 8000-8010:80}) lets Docker pick one free port of the range instead.
     */
    public boolean fixedHostPorts() {
        return published() && hostEnd - hostStart == containerEnd - containerStart;
    }

    /** Whether the host address is IPv6. */
    public boolean ipv6() {
        return hostIp.indexOf(':') >= 0;
    }

    /** Whether the port listens on every interface: no host IP, {@code 0.0.0.0} or {@code ::}. */
    public boolean allInterfaces() {
        return hostIp.isEmpty() || hostIp.equals("0.0.0.0") || hostIp.equals("::") || hostIp.equals("0:0:0:0:0:0:0:0");
    }

    /** The host ports: {@code 8080} or {@code 8000-8010}, empty when Docker picks one. */
    public String hostPorts() {
        return published() ? range(hostStart, hostEnd) : "";
    }

    /** The host side as written in short syntax: {@code 127.0.0.1:8080}, {@code [::1]:8080-8081}. */
    public String hostText() {
        String ports = hostPorts();
        if (hostIp.isEmpty()) {
            return ports;
        }
        return (ipv6() ? "[" + hostIp + "]" : hostIp) + ":" + ports;
    }

    /** The container side: {@code 80} or {@code 8000-8010}. */
    public String containerText() {
        return range(containerStart, containerEnd);
    }

    private static String range(int start, int end) {
        return start == end ? String.valueOf(start) : start + "-" + end;
    }

    private static Optional<PortMapping> shortSyntax(YNode node, String raw) {
        String protocol = "tcp";
        int slash = raw.lastIndexOf('/');
        if (slash >= 0) {
            protocol = raw.substring(slash + 1).toLowerCase(Locale.ROOT);
            raw = raw.substring(0, slash);
        }
        String ip = "";
        String host = "";
        String container;
        if (raw.startsWith("[")) {
            int close = raw.indexOf(']');
            if (close < 0 || close + 1 >= raw.length() || raw.charAt(close + 1) != ':') {
                return Optional.empty();
            }
            ip = raw.substring(1, close);
            String[] rest = raw.substring(close + 2).split(":", -1);
            if (rest.length != 2) {
                return Optional.empty();
            }
            host = rest[0];
            container = rest[1];
        } else {
            String[] parts = raw.split(":", -1);
            int n = parts.length;
            container = parts[n - 1];
            if (n == 2) {
                host = parts[0];
            } else if (n >= 3) {
                host = parts[n - 2];
                ip = String.join(":", java.util.Arrays.copyOf(parts, n - 2));
            }
        }
        return build(node, false, ip, host, container, protocol);
    }

    private static Optional<PortMapping> longSyntax(ComposeFile file, YMapping m) {
        String target = scalar(file, m, "target");
        String published = scalar(file, m, "published");
        String ip = scalar(file, m, "host_ip");
        String protocol = scalar(file, m, "protocol");
        if (target == null || published == null || ip == null || protocol == null) {
            return Optional.empty(); // a variable without a value
        }
        if (target.isEmpty()) {
            return Optional.empty();
        }
        return build(m, true, ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip,
                published, target, protocol.isEmpty() ? "tcp" : protocol.toLowerCase(Locale.ROOT));
    }

    /** A scalar member after interpolation: empty when absent, null when unknown. */
    private static String scalar(ComposeFile file, YMapping m, String key) {
        YNode v = m.value(key);
        if (v == null || (v instanceof YScalar s && s.isNull())) {
            return "";
        }
        Interpolated t = file.text(v);
        return t == null || !t.known() ? null : t.text().strip();
    }

    private static Optional<PortMapping> build(YNode node, boolean longSyntax, String ip, String host,
            String container, String protocol) {
        int[] c = ports(container);
        int[] h = host.isEmpty() ? new int[] {0, 0} : ports(host);
        if (c == null || h == null || !(protocol.equals("tcp") || protocol.equals("udp") || protocol.equals("sctp"))) {
            return Optional.empty();
        }
        return Optional.of(new PortMapping(node, longSyntax, ip, h[0], h[1], c[0], c[1], protocol));
    }

    /** {@code 80} or {@code 8000-8010}; null when not a valid port or range. */
    private static int[] ports(String text) {
        int dash = text.indexOf('-');
        int start = port(dash < 0 ? text : text.substring(0, dash));
        int end = dash < 0 ? start : port(text.substring(dash + 1));
        return start < 1 || end < start ? null : new int[] {start, end};
    }

    private static int port(String text) {
        if (text.isEmpty() || text.length() > 5) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return -1;
            }
        }
        int p = Integer.parseInt(text);
        return p <= 65535 ? p : -1;
    }
}
