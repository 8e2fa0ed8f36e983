package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.engine.ServiceRule;
import dev.composefix.model.Service;
import dev.composefix.model.VolumeMount;
import java.util.Locale;

/**
 * CF614: the Docker socket mounted into a container ({@code /var/run/docker.sock},
 * {@code /run/docker.sock}, a rootless {@code .../docker.sock}, Podman's {@code podman.sock}, or the
 * Windows pipe {@code docker_engine}), read-only or not.
 */
public final class DockerSocketMount extends ServiceRule {

    @Override
    protected void checkService(Service s, RuleContext ctx) {
        for (VolumeMount v : VolumeMount.of(s)) {
            if (v.type() == VolumeMount.Type.VOLUME || v.type() == VolumeMount.Type.TMPFS) {
                continue;
            }
            String source = v.source() != null ? v.source() : v.rawSource();
            if (!socket(source)) {
                continue;
            }
            ctx.report(s, v.sourceNode(), "'" + s.name() + "' mounts the Docker socket (" + source + ")"
                    + (v.readOnly() ? "; read-only does not help, the API behind it still accepts every call" : "")
                    + ": whoever controls the container can start a privileged container and so owns the host; if it "
                    + "needs the API, mount a socket proxy that allows only the calls it makes (such as "
                    + "tecnativa/docker-socket-proxy with CONTAINERS=1) instead");
        }
    }

    static boolean socket(String source) {
        String p = source.replace('\\', '/').toLowerCase(Locale.ROOT);
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p.endsWith("/docker.sock") || p.equals("docker.sock") || p.endsWith("/podman.sock")
                || p.endsWith("/pipe/docker_engine");
    }
}
