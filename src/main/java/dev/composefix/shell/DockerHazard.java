package dev.composefix.shell;

import java.util.Optional;

/** One dangerous way of using a container CLI, checked on an already recognised {@link DockerCommand}. */
public interface DockerHazard {

    /** A stable identifier, e.g. {@code force-remove}. */
    String id();

    /** The finding for {@code command}, or empty when the command does not show this hazard. */
    Optional<DockerFinding> find(DockerCommand command);
}
