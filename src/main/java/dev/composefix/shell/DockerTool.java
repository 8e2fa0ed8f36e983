package dev.composefix.shell;

import java.util.Locale;
import java.util.Optional;

/** A container CLI the matcher understands. */
public enum DockerTool {
    DOCKER("docker", false),
    DOCKER_COMPOSE("docker-compose", true),
    PODMAN("podman", false),
    PODMAN_COMPOSE("podman-compose", true),
    NERDCTL("nerdctl", false);

    private final String executable;
    private final boolean compose;

    DockerTool(String executable, boolean compose) {
        this.executable = executable;
        this.compose = compose;
    }

    /** The canonical executable name, e.g. {@code docker-compose}. */
    public String executable() {
        return executable;
    }

    /** True for the standalone compose tools ({@code docker-compose}, {@code podman-compose}). */
    public boolean isComposeTool() {
        return compose;
    }

    /** The tool a command word names, also by path ({@code /usr/bin/docker}) or with a {@code .exe} suffix. */
    public static Optional<DockerTool> fromCommandWord(String word) {
        String name = CommandWrappers.basename(word);
        int backslash = name.lastIndexOf('\\');
        if (backslash >= 0) {
            name = name.substring(backslash + 1);
        }
        name = name.toLowerCase(Locale.ROOT);
        if (name.endsWith(".exe")) {
            name = name.substring(0, name.length() - 4);
        }
        if (name.equals("podman-remote")) {
            return Optional.of(PODMAN);
        }
        for (DockerTool tool : values()) {
            if (tool.executable.equals(name)) {
                return Optional.of(tool);
            }
        }
        return Optional.empty();
    }
}
