package dev.composefix.project;

import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;

/**
 * The keys that make entries of Compose's "unique resource" sequences the same entry when files are
 * merged: a port by host address, published port, container port and protocol; a volume, secret or
 * config by its target path; a device by its path in the container. Null when an entry has no key.
 */
final class UniqueKeys {

    private UniqueKeys() {
    }

    /** {@code [ip:][published:]target[/protocol]} or the long syntax. */
    static String port(YNode node) {
        YNode n = node.resolve();
        if (n instanceof YMapping m) {
            return text(m, "host_ip", "") + "|" + text(m, "published", "") + "|" + text(m, "target", "") + "|"
                    + text(m, "protocol", "tcp");
        }
        if (!(n instanceof YScalar s) || s.isNull()) {
            return null;
        }
        String v = s.value();
        String protocol = "tcp";
        int slash = v.lastIndexOf('/');
        if (slash >= 0) {
            protocol = v.substring(slash + 1);
            v = v.substring(0, slash);
        }
        String ip = "";
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close > 0) {
                ip = v.substring(1, close);
                v = v.substring(Math.min(v.length(), close + 2));
            }
        }
        String[] parts = v.split(":", -1);
        String target = parts[parts.length - 1];
        String published = parts.length >= 2 ? parts[parts.length - 2] : "";
        if (parts.length >= 3) {
            ip = String.join(":", java.util.Arrays.copyOf(parts, parts.length - 2));
        }
        return ip + "|" + published + "|" + target + "|" + protocol;
    }

    /** {@code [source:]target[:mode]} or the long syntax's target. */
    static String volume(YNode node) {
        YNode n = node.resolve();
        if (n instanceof YMapping m) {
            return text(m, "target", null);
        }
        if (!(n instanceof YScalar s) || s.isNull()) {
            return null;
        }
        String[] parts = s.value().split(":", -1);
        return parts.length == 1 ? parts[0] : parts[1];
    }

    /** A secret or config: its target, by default the source name under {@code prefix}. */
    static String mount(YNode node, String prefix) {
        YNode n = node.resolve();
        String target;
        if (n instanceof YMapping m) {
            target = text(m, "target", text(m, "source", null));
        } else if (n instanceof YScalar s && !s.isNull()) {
            target = s.value();
        } else {
            return null;
        }
        return target == null ? null : target.startsWith("/") ? target : prefix + target;
    }

    /** {@code host[:container[:permissions]]} or the long syntax's target. */
    static String device(YNode node) {
        YNode n = node.resolve();
        if (n instanceof YMapping m) {
            return text(m, "target", text(m, "source", null));
        }
        if (!(n instanceof YScalar s) || s.isNull()) {
            return null;
        }
        String[] parts = s.value().split(":", -1);
        return parts.length == 1 ? parts[0] : parts[1];
    }

    private static String text(YMapping m, String key, String otherwise) {
        return m.value(key) instanceof YScalar s && !s.isNull() ? s.value() : otherwise;
    }
}
