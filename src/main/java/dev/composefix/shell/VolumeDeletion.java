package dev.composefix.shell;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule CF401's hazard: commands that delete named volumes (and with them databases) without asking:
 * {@code docker compose down -v}, {@code docker volume rm}, {@code docker volume prune -f},
 * {@code docker system prune -f} with {@code -a} or {@code --volumes}, and (milder) {@code docker network prune -f}.
 * A prune without {@code -f} asks first and is not flagged.
 */
public final class VolumeDeletion implements DockerHazard {
    /** The hazard id. */
    public static final String ID = "destructive-cleanup";

    private static final Set<List<String>> VOLUME_RM = Set.of(List.of("volume", "rm"), List.of("volume", "remove"));

    @Override
    public String id() {
        return ID;
    }

    /** Whether {@code finding} is the milder network prune (reported as info). */
    public static boolean isNetworkPrune(DockerFinding finding) {
        return finding.command().subcommand().equals(List.of("network", "prune"));
    }

    @Override
    public Optional<DockerFinding> find(DockerCommand command) {
        String tool = command.tool().executable();
        if (command.isCompose()) {
            if (!command.composeSubcommand().equals(List.of("down"))) {
                return Optional.empty();
            }
            // Plain tests rather than Optional's lambdas, which a start would have to link.
            Optional<OptionUse> flag = command.options().enabled("-v", "--volumes");
            return flag.isEmpty() ? Optional.empty() : Optional.of(new DockerFinding(ID,
                    command.display() + " " + flag.get().name(), command, flag.get().word(),
                    command.cliPrefix() + " down without -v (named volumes are kept; remove one by name "
                            + "when you mean to)"));
        }
        List<String> path = command.subcommand();
        CommandOptions options = command.options();
        if (VOLUME_RM.contains(path)) {
            Word verb = command.subcommandWords().get(1);
            return Optional.of(new DockerFinding(ID, command.display(), command, verb,
                    "back the volume up first and remove it by hand, or keep it"));
        }
        Optional<OptionUse> force = options.enabled("-f", "--force");
        if (force.isEmpty()) {
            return Optional.empty(); // a prune without -f asks before deleting
        }
        if (path.equals(List.of("volume", "prune"))) {
            return Optional.of(new DockerFinding(ID, command.display() + " " + force.get().name(), command,
                    force.get().word(), tool + " volume prune without -f (it lists what goes and asks), or "
                            + tool + " volume rm of the volumes you named"));
        }
        if (path.equals(List.of("system", "prune"))) {
            Optional<OptionUse> wide = options.enabled("--volumes");
            if (wide.isEmpty()) {
                wide = options.enabled("-a", "--all");
            }
            if (wide.isEmpty()) {
                return Optional.empty();
            }
            OptionUse w = wide.get();
            return Optional.of(new DockerFinding(ID, command.display() + " " + w.name() + " "
                    + force.get().name(), command, w.word(), tool + " container prune -f and " + tool
                    + " image prune -f (volumes and images in use by stopped containers are kept)"));
        }
        if (path.equals(List.of("network", "prune"))) {
            return Optional.of(new DockerFinding(ID, command.display() + " " + force.get().name(), command,
                    force.get().word(), tool + " network rm <network> for the networks your stack created"));
        }
        return Optional.empty();
    }
}
