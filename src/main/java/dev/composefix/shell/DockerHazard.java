package dev.composefix.shell;

import java.util.Optional;

/** One dangerous way of using a container CLI, checked on an already recognised {@link DockerCommand}. */
public interface DockerHazard {

    /** A stable identifier, e.g. {@code force-remove}. */
    String id();

    /** The finding for {@code command}, or empty when the command does not show this hazard. */
    Optional<DockerFinding> find(DockerCommand command);

    /**
     * The finding for {@code command} as part of {@code script} (the parsed text it came from, for hazards that
     * depend on the loops around a command); by default the same as {@link #find(DockerCommand)}.
     */
    default Optional<DockerFinding> find(DockerCommand command, ParsedScript script) {
        return find(command);
    }
}
