package dev.composefix.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which options of the container CLIs take a value, so that flag parsing does not mistake values for flags. */
final class DockerOptionSpecs {
    /** Option table of one subcommand. */
    record Spec(Set<String> valueOptions, boolean interspersed) {
    }

    static final Set<String> MANAGEMENT_COMMANDS = Set.of("builder", "buildx", "checkpoint", "compose", "config",
            "container", "context", "image", "manifest", "network", "node", "plugin", "secret", "service", "stack",
            "swarm", "system", "trust", "volume", "pod", "machine", "generate", "kube", "play", "healthcheck",
            "artifact", "farm", "quadlet", "namespace", "ipfs", "apparmor");

    private static final Set<String> DOCKER_GLOBAL = Set.of("-H", "--host", "-c", "--context", "-l", "--log-level",
            "--config", "--tlscacert", "--tlscert", "--tlskey");

    private static final Set<String> COMPOSE_GLOBAL = Set.of("-f", "--file", "-p", "--project-name", "--profile",
            "--env-file", "--project-directory", "--ansi", "--progress", "--parallel", "-c", "--context", "-H",
            "--host", "--log-level", "--tlscacert", "--tlscert", "--tlskey", "--podman-path", "--podman-args",
            "--podman-pull-args", "--podman-push-args", "--podman-build-args", "--podman-run-args",
            "--podman-start-args", "--podman-stop-args", "--podman-rm-args", "--podman-volume-args", "--pod-args",
            "--in-pod", "--transform_policy");

    private static final Set<String> PODMAN_GLOBAL = Set.of("--url", "--connection", "-c", "--root", "--runroot",
            "--storage-driver", "--storage-opt", "--log-level", "--cgroup-manager", "--events-backend",
            "--hooks-dir", "--identity", "--module", "--network-cmd-path", "--network-config-dir", "--runtime",
            "--runtime-flag", "--tmpdir", "--volumepath", "--imagestore", "--conmon", "--ssh", "--out", "--config",
            "--cni-config-dir", "--db-backend");

    private static final Set<String> NERDCTL_GLOBAL = Set.of("-a", "--address", "-H", "--host", "-n",
            "--namespace", "--snapshotter", "--storage-driver", "--cni-path", "--cni-netconfpath", "--data-root",
            "--cgroup-manager", "--host-gateway-ip", "--hosts-dir", "--bridge-ip");

    private static final Set<String> RUN_VALUES = Set.of("-a", "--attach", "-e", "--env", "--env-file", "-v",
            "--volume", "-p", "--publish", "--name", "-w", "--workdir", "-u", "--user", "--network", "--net",
            "--entrypoint", "-m", "--memory", "--memory-swap", "--memory-reservation", "--cpus", "--cpu-shares",
            "-c", "--cpuset-cpus", "-l", "--label", "--label-file", "--mount", "-h", "--hostname", "--restart",
            "--log-driver", "--log-opt", "--add-host", "--device", "--cap-add", "--cap-drop", "--security-opt",
            "--ulimit", "--platform", "--pull", "--stop-signal", "--stop-timeout", "--health-cmd",
            "--health-interval", "--health-retries", "--health-timeout", "--health-start-period", "--dns",
            "--dns-search", "--dns-option", "--expose", "--ipc", "--pid", "--uts", "--userns", "--cgroupns",
            "--tmpfs", "--shm-size", "--gpus", "--runtime", "--volumes-from", "--link", "--network-alias", "--ip",
            "--ip6", "--mac-address", "--cidfile", "--detach-keys", "--group-add", "--pids-limit", "--sysctl",
            "--storage-opt", "--isolation", "--kernel-memory", "--oom-score-adj", "--annotation");

    private static final Map<String, Spec> SUBCOMMANDS = new HashMap<>();

    static {
        put(Set.of("--cidfile", "--filter", "-t", "--time"), true,
                "rm", "container rm", "container remove");
        put(Set.of(), true, "rmi", "image rm", "image remove");
        put(Set.of("-s", "--signal", "--cidfile"), true, "kill", "container kill");
        put(Set.of("-t", "--time", "--timeout", "-s", "--signal", "--cidfile", "--filter"), true,
                "stop", "container stop", "restart", "container restart");
        put(Set.of("-f", "--filter", "--format", "-n", "--last"), true,
                "ps", "container ls", "container list", "container ps");
        put(Set.of("-f", "--filter", "--format"), true, "images", "image ls", "image list");
        put(RUN_VALUES, false, "run", "container run", "create", "container create");
        put(Set.of("-e", "--env", "--env-file", "-u", "--user", "-w", "--workdir", "--detach-keys"), false,
                "exec", "container exec");
        put(Set.of("--since", "--until", "-n", "--tail"), true, "logs", "container logs");
        put(Set.of("--filter", "--keep-storage", "--max-used-space", "--reserved-space", "--min-free-space"), true,
                "volume prune", "system prune", "image prune", "container prune", "network prune", "builder prune");
        put(Set.of("-s", "--signal"), true, "compose kill");
        put(Set.of("--rmi", "-t", "--timeout"), true, "compose down");
        put(Set.of("-t", "--timeout"), true, "compose stop", "compose restart");
        put(Set.of("-t", "--timeout", "--scale", "--exit-code-from", "--pull", "--wait-timeout", "--attach",
                "--no-attach"), true, "compose up");
        put(Set.of("--filter", "--format", "--status"), true, "compose ps");
        put(Set.of("--since", "--until", "-n", "--tail"), true, "compose logs");
        put(Set.of("-e", "--env", "-u", "--user", "-w", "--workdir", "--index", "--name", "-p", "--publish", "-v",
                "--volume", "-l", "--label", "--entrypoint"), false, "compose exec", "compose run");
    }

    private DockerOptionSpecs() {
    }

    private static void put(Set<String> values, boolean interspersed, String... keys) {
        for (String key : keys) {
            SUBCOMMANDS.put(key, new Spec(values, interspersed));
        }
    }

    /** Global options of {@code tool} that take a value. */
    static Set<String> globalValueOptions(DockerTool tool) {
        switch (tool) {
            case DOCKER_COMPOSE:
            case PODMAN_COMPOSE:
                return COMPOSE_GLOBAL;
            case PODMAN:
                return PODMAN_GLOBAL;
            case NERDCTL:
                return NERDCTL_GLOBAL;
            default:
                return DOCKER_GLOBAL;
        }
    }

    /** Options of the {@code compose} management command (before its subcommand) that take a value. */
    static Set<String> composeValueOptions() {
        return COMPOSE_GLOBAL;
    }

    /** The option table of a subcommand path, e.g. {@code [container, rm]} or {@code [compose, kill]}. */
    static Spec forSubcommand(List<String> path) {
        return SUBCOMMANDS.getOrDefault(String.join(" ", path), new Spec(Set.of(), true));
    }
}
