package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.Service;
import dev.composefix.model.VolumeMount;
import java.util.Map;

/**
 * CF618: a bind mount of a whole sensitive host directory: {@code /}, {@code /etc}, {@code /root},
 * {@code /proc}, {@code /sys}, {@code /var/run}, {@code /run}, {@code /boot}, {@code /dev},
 * {@code /var/lib/docker}, or a home directory ({@code ~}, {@code $HOME}, {@code /home},
 * {@code /home/<user>}, {@code /Users/<user>}). Files and subdirectories below them
 * ({@code /etc/localtime}) are not reported; the message says whether the mount is read-only.
 */
public final class SensitiveHostMount extends ServiceRule {

    private static final Map<String, String> WHAT = Map.of(
            "/", "the host's whole filesystem",
            "/etc", "the host's configuration, password hashes and sudoers",
            "/root", "root's home (SSH keys, cloud credentials, shell history)",
            "/proc", "every host process's command line and environment, and kernel settings",
            "/sys", "kernel, cgroup and device settings",
            "/var/run", "the sockets of the host's daemons, Docker's among them",
            "/run", "the sockets of the host's daemons, Docker's among them",
            "/boot", "the host's kernel and boot loader",
            "/dev", "the host's devices, disks included",
            "/var/lib/docker", "every container's filesystem and volumes");

    private static final String HOME = "a home directory (SSH keys, cloud credentials, shell history)";

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        for (VolumeMount v : VolumeMount.of(s)) {
            if (v.type() != VolumeMount.Type.BIND && v.type() != VolumeMount.Type.UNKNOWN) {
                continue;
            }
            String source = v.source() != null ? normalize(v.source()) : null;
            String what = source == null ? null : WHAT.get(source);
            if (what == null && home(source, v.rawSource())) {
                what = HOME;
            }
            if (what == null) {
                continue;
            }
            String shown = source != null ? source : v.rawSource();
            ctx.report(s, v.sourceNode(), "'" + s.name() + "' mounts " + shown + " from the host "
                    + (v.readOnly() ? "read-only, which still exposes " + what
                            : "read-write, so it can read and change " + what)
                    + "; mount only the file or directory it needs, read-only (as /etc/localtime:/etc/localtime:ro)");
        }
    }

    // Compiled when first used (most files mount no home directory and double no slash), not when the rule
    // catalog is made at every start.
    private static final class Doubled {
        static final java.util.regex.Pattern P = java.util.regex.Pattern.compile("/{2,}");
    }

    private static final class HomeDirectory {
        static final java.util.regex.Pattern P = java.util.regex.Pattern.compile("/(home|Users)/[^/]+");
    }

    /** A path without trailing or doubled slashes. */
    static String normalize(String path) {
        String p = path.indexOf("//") < 0 ? path : Doubled.P.matcher(path).replaceAll("/");
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Whether a mount's source is a home directory itself (not a path below it). */
    private static boolean home(String source, String raw) {
        String r = normalize(raw.strip());
        if (r.equals("~") || r.equals("$HOME") || r.equals("${HOME}")) {
            return true;
        }
        if (source == null) {
            return false;
        }
        return source.equals("~") || source.equals("/home") || source.equals("/Users")
                || HomeDirectory.P.matcher(source).matches();
    }
}
