package dev.composefix.shell;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rule CF105's hazard: stopping containers without a graceful shutdown ({@code docker rm -f}, {@code docker
 * kill}, {@code docker compose kill}) or force-removing images ({@code docker rmi -f}). A kill with an explicit
 * signal other than KILL is not flagged, nor is {@code docker compose rm -f} (which only skips the prompt).
 */
public final class ForcedRemoval implements DockerHazard {
    /** The hazard id. */
    public static final String ID = "force-remove";

    private static final Set<List<String>> CONTAINER_RM = Set.of(List.of("rm"), List.of("container", "rm"),
            List.of("container", "remove"));
    private static final Set<List<String>> IMAGE_RM = Set.of(List.of("rmi"), List.of("image", "rm"),
            List.of("image", "remove"));
    private static final Set<List<String>> KILL = Set.of(List.of("kill"), List.of("container", "kill"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<DockerFinding> find(DockerCommand command) {
        if (command.isCompose()) {
            if (command.composeSubcommand().equals(List.of("kill"))) {
                return kill(command, command.cliPrefix() + " stop -t <seconds> [service]");
            }
            return Optional.empty();
        }
        List<String> path = command.subcommand();
        String tool = command.tool().executable();
        if (CONTAINER_RM.contains(path)) {
            CommandOptions options = command.options();
            if (command.tool() == DockerTool.PODMAN && options.last("-t", "--time").isPresent()) {
                return Optional.empty(); // podman rm -f -t N stops with an explicit grace period first
            }
            return forced(command, tool + " stop -t <seconds> <container>, then " + tool + " rm <container>");
        }
        if (IMAGE_RM.contains(path)) {
            return forced(command, tool + " rmi <image> without -f, after removing the containers that use it");
        }
        if (KILL.contains(path)) {
            return kill(command, tool + " stop -t <seconds> <container>");
        }
        return Optional.empty();
    }

    /** A removal is flagged when it forces ({@code -f}, {@code --force}, not turned off by a value). */
    private static Optional<DockerFinding> forced(DockerCommand command, String alternative) {
        // Plain tests rather than Optional's lambdas, which a start would have to link.
        Optional<OptionUse> flag = command.options().enabled("-f", "--force");
        return flag.isEmpty() ? Optional.empty()
                : Optional.of(finding(command, flag.get().name(), flag.get().word(), alternative));
    }

    /** A kill is flagged unless an explicit signal other than KILL is given. */
    private static Optional<DockerFinding> kill(DockerCommand command, String alternative) {
        Optional<OptionUse> signal = command.options().last("-s", "--signal");
        List<Word> path = command.subcommandWords();
        Word verb = path.get(path.size() - 1);
        if (signal.isEmpty()) {
            return Optional.of(finding(command, "", verb, alternative));
        }
        String value = signal.get().value().orElse("");
        if (!isKill(value)) {
            return Optional.empty();
        }
        return Optional.of(finding(command, signal.get().name() + " " + value, signal.get().word(), alternative));
    }

    /** KILL, SIGKILL or 9, in any case; an unknown value (an expansion) does not count. */
    static boolean isKill(String signal) {
        String s = signal.trim().toUpperCase(Locale.ROOT);
        if (s.startsWith("SIG")) {
            s = s.substring(3);
        }
        return s.equals("KILL") || s.equals("9");
    }

    private static DockerFinding finding(DockerCommand command, String flag, Word word, String alternative) {
        String pattern = flag.isEmpty() ? command.display() : command.display() + " " + flag;
        return new DockerFinding(ID, pattern, command, word, alternative);
    }
}
