package dev.composefix.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies one {@link DockerHazard} to a command source: a shell text, or an exec-form argument list (with the
 * script of an {@code sh -c SCRIPT} inside it). Every source (compose commands, script files) goes through here,
 * so a hazard is matched the same way wherever it is written.
 */
public final class HazardSearch {

    /**
     * One finding: in a shell text {@code element} is -1 and {@code start}/{@code end} are the char offsets of
     * the word to point at; in an argument list {@code element} is the index of the element holding it, and
     * {@code start}/{@code end} are offsets inside that element, or -1 when the element as a whole is meant.
     */
    public record Hit(DockerFinding finding, int element, int start, int end) {
    }

    private HazardSearch() {
    }

    /** The hazards in a shell text, in source order. Never throws. */
    public static List<Hit> inScript(String script, DockerHazard hazard) {
        if (!mayRunContainerTool(script)) {
            return new ArrayList<>();
        }
        return inScript(ShellScript.parseScript(script), hazard);
    }

    /**
     * Whether a shell text may run a container CLI, so that a hazard may be in it: false when it has no
     * quote, backslash, {@code $} or backquote and no character from U+0080 up (so each of its words is a
     * piece of its text as written) and none of {@code docker}, {@code podman} and {@code nerdctl}, in any
     * case, which every {@link DockerTool}'s name holds. Most commands of most services are such texts, and
     * need not be parsed.
     */
    public static boolean mayRunContainerTool(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"', '\'', '\\', '$', '`' -> {
                    return true;
                }
                case 'd', 'D' -> {
                    if (text.regionMatches(true, i, "docker", 0, 6)) {
                        return true;
                    }
                }
                case 'p', 'P' -> {
                    if (text.regionMatches(true, i, "podman", 0, 6)) {
                        return true;
                    }
                }
                case 'n', 'N' -> {
                    if (text.regionMatches(true, i, "nerdctl", 0, 7)) {
                        return true;
                    }
                }
                default -> {
                    if (c >= 0x80) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The hazards in an already parsed shell text, in source order. Never throws. */
    public static List<Hit> inScript(ParsedScript parsed, DockerHazard hazard) {
        List<Hit> hits = new ArrayList<>();
        for (SimpleCommand c : parsed.commands()) {
            Optional<DockerCommand> docker = DockerCommand.parse(c);
            if (docker.isPresent()) {
                Optional<DockerFinding> found = hazard.find(docker.get(), parsed);
                if (found.isPresent()) {
                    DockerFinding f = found.get();
                    hits.add(new Hit(f, -1, f.word().start(), f.word().end()));
                }
            }
        }
        return hits;
    }

    /** The hazards in an exec-form argument list and in the script it hands to a shell. Never throws. */
    public static List<Hit> inArgv(List<String> argv, DockerHazard hazard) {
        List<Hit> hits = new ArrayList<>();
        List<ArgvCommand> commands = ShellScript.fromArgv(argv);
        if (commands.isEmpty()) {
            return hits;
        }
        ArgvCommand direct = commands.get(0);
        Optional<DockerCommand> docker = DockerCommand.parse(direct.command());
        if (docker.isPresent()) {
            Optional<DockerFinding> found = hazard.find(docker.get(), ParsedScript.EMPTY);
            if (found.isPresent()) {
                DockerFinding f = found.get();
                hits.add(new Hit(f, Math.max(0, direct.elementOf(f.word())), -1, -1));
            }
        }
        int script = ShellInvocation.scriptIndex(argv);
        if (script >= 0) {
            for (Hit h : inScript(argv.get(script), hazard)) {
                hits.add(new Hit(h.finding(), script, h.start(), h.end()));
            }
        }
        return hits;
    }
}
