package dev.composefix.shell;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule CF402's hazard: {@code docker restart} or {@code docker compose restart} inside a shell loop that has no
 * delay ({@code sleep}) in its body, or that has one but no bound (a {@code while true} retry). A loop that
 * iterates over containers and restarts each one once ({@code for c in a b; do docker restart "$c"; done},
 * {@code while read c}) is not a restart loop.
 */
public final class RestartInLoop implements DockerHazard {
    /** The hazard id. */
    public static final String ID = "restart-loop";

    private static final Set<String> DELAYS = Set.of("sleep", "usleep");

    @Override
    public String id() {
        return ID;
    }

    /** Without the script around it there is no loop. */
    @Override
    public Optional<DockerFinding> find(DockerCommand command) {
        return Optional.empty();
    }

    @Override
    public Optional<DockerFinding> find(DockerCommand command, ParsedScript script) {
        List<String> verb = command.isCompose() ? command.composeSubcommand() : command.subcommand();
        if (!verb.equals(List.of("restart")) && !verb.equals(List.of("container", "restart"))) {
            return Optional.empty();
        }
        Optional<ShellLoop> around = script.innermostLoop(command.command());
        if (around.isEmpty()) {
            return Optional.empty();
        }
        ShellLoop loop = around.get();
        if (iteratesOverTargets(loop, command)) {
            return Optional.empty();
        }
        boolean delay = false;
        for (SimpleCommand c : script.body(loop)) {
            int at = CommandWrappers.commandIndex(c.argv());
            if (at >= 0 && DELAYS.contains(CommandWrappers.basename(c.argv().get(at)))) {
                delay = true;
            }
        }
        List<Word> path = command.subcommandWords();
        Word word = path.get(path.size() - 1);
        String alternative = "a restart policy on the service (restart: on-failure with a bounded number of "
                + "attempts), or a loop with a counter and a sleep";
        if (!delay) {
            return Optional.of(new DockerFinding(ID, command.display(), command, word, alternative,
                    "inside " + article(loop.keyword()) + " '" + loop.keyword() + "' loop with no delay"));
        }
        if (!loop.bounded()) {
            return Optional.of(new DockerFinding(ID, command.display(), command, word, alternative,
                    "inside " + article(loop.keyword()) + " '" + loop.keyword() + "' retry loop with no bound"));
        }
        return Optional.empty();
    }

    private static String article(String word) {
        return word.startsWith("u") ? "an" : "a";
    }

    /** True when the restarted container comes from the loop's variable: each target is restarted once. */
    private static boolean iteratesOverTargets(ShellLoop loop, DockerCommand command) {
        String v = loop.variable();
        if (v == null || v.isEmpty()) {
            return false;
        }
        for (Word arg : command.arguments()) {
            if (references(arg.text(), v)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} holds {@code $name} (not the start of a longer name) or {@code ${name...}}. */
    static boolean references(String text, String name) {
        for (int i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
            if (text.startsWith("{" + name, i + 1)) {
                int after = i + 2 + name.length();
                if (after >= text.length() || !SourceCursor.isNameChar(text.charAt(after))) {
                    return true;
                }
            }
            if (text.startsWith(name, i + 1)) {
                int after = i + 1 + name.length();
                if (after >= text.length() || !SourceCursor.isNameChar(text.charAt(after))) {
                    return true;
                }
            }
        }
        return false;
    }
}
