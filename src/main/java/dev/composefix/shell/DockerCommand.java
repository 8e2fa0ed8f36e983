package dev.composefix.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A simple command that runs a container CLI ({@code docker}, {@code docker compose}, {@code docker-compose},
 * {@code podman}, {@code podman-compose}, {@code nerdctl}), split into tool, global options, subcommand path
 * and arguments, looking through prefixes such as {@code sudo}, {@code env}, {@code xargs} or {@code timeout}.
 */
public final class DockerCommand {
    private final SimpleCommand command;
    private final DockerTool tool;
    private final Word toolWord;
    private final List<Word> subcommandWords;
    private final List<Word> arguments;

    private DockerCommand(SimpleCommand command, DockerTool tool, Word toolWord, List<Word> subcommandWords,
            List<Word> arguments) {
        this.command = command;
        this.tool = tool;
        this.toolWord = toolWord;
        this.subcommandWords = List.copyOf(subcommandWords);
        this.arguments = List.copyOf(arguments);
    }

    /** Recognises {@code command} as a container CLI call; empty when it runs something else. */
    public static Optional<DockerCommand> parse(SimpleCommand command) {
        List<Word> words = command.words();
        int i = CommandWrappers.commandIndex(command.argv());
        if (i < 0) {
            return Optional.empty();
        }
        Optional<DockerTool> found = DockerTool.fromCommandWord(words.get(i).text());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        DockerTool tool = found.get();
        int j = skipOptions(words, i + 1, DockerOptionSpecs.globalValueOptions(tool));
        List<Word> path = new ArrayList<>();
        if (j < words.size()) {
            path.add(words.get(j++));
            String first = path.get(0).text();
            if (!tool.isComposeTool() && DockerOptionSpecs.MANAGEMENT_COMMANDS.contains(first)) {
                if (first.equals("compose")) {
                    j = skipOptions(words, j, DockerOptionSpecs.composeValueOptions());
                }
                if (j < words.size() && !words.get(j).text().startsWith("-")) {
                    path.add(words.get(j++));
                }
            }
        }
        j = Math.min(j, words.size()); // a value option at the very end has no value word
        return Optional.of(new DockerCommand(command, tool, words.get(i), path, words.subList(j, words.size())));
    }

    /** Index of the first word at or after {@code from} that is not a global option or an option value. */
    private static int skipOptions(List<Word> words, int from, Set<String> valueOptions) {
        int j = from;
        while (j < words.size()) {
            String text = words.get(j).text();
            if (!text.startsWith("-") || text.equals("-") || text.equals("--")) {
                return j;
            }
            j++;
            if (text.startsWith("--")) {
                if (text.indexOf('=') < 0 && valueOptions.contains(text)) {
                    j++;
                }
                continue;
            }
            for (int k = 1; k < text.length(); k++) {
                if (valueOptions.contains("-" + text.charAt(k))) {
                    if (k == text.length() - 1) {
                        j++;
                    }
                    break;
                }
            }
        }
        return j;
    }

    /** The simple command this was recognised in (for its offsets and loop depth). */
    public SimpleCommand command() {
        return command;
    }

    /** Which CLI runs. */
    public DockerTool tool() {
        return tool;
    }

    /** The word that names the CLI, e.g. {@code /usr/bin/docker}. */
    public Word toolWord() {
        return toolWord;
    }

    /** The subcommand path as written, e.g. {@code [container, rm]}, {@code [rmi]} or {@code [compose, down]}. */
    public List<String> subcommand() {
        List<String> path = new ArrayList<>(subcommandWords.size());
        for (Word w : subcommandWords) {
            path.add(w.text());
        }
        return List.copyOf(path);
    }

    /** The words of {@link #subcommand()}. */
    public List<Word> subcommandWords() {
        return subcommandWords;
    }

    /** True for compose calls: {@code docker-compose ...}, {@code podman-compose ...} or {@code docker compose ...}. */
    public boolean isCompose() {
        return tool.isComposeTool() || (!subcommandWords.isEmpty() && subcommandWords.get(0).text().equals("compose"));
    }

    /** For compose calls the compose subcommand ({@code [kill]} for both compose forms); otherwise empty. */
    public List<String> composeSubcommand() {
        if (!isCompose()) {
            return List.of();
        }
        List<String> path = subcommand();
        return tool.isComposeTool() ? path : path.subList(1, path.size());
    }

    /** The words after the subcommand path. */
    public List<Word> arguments() {
        return arguments;
    }

    /** The arguments parsed with the built-in table of which options of this subcommand take values. */
    public CommandOptions options() {
        DockerOptionSpecs.Spec spec = DockerOptionSpecs.forSubcommand(specPath());
        return CommandOptions.parse(arguments, spec.valueOptions(), spec.interspersed());
    }

    /** The arguments parsed with a caller-supplied option table. */
    public CommandOptions options(Set<String> valueOptions, boolean interspersed) {
        return CommandOptions.parse(arguments, valueOptions, interspersed);
    }

    /** How the call reads in messages: the tool's canonical name and the subcommand, e.g. {@code docker compose kill}. */
    public String display() {
        List<String> parts = new ArrayList<>();
        parts.add(tool.executable());
        parts.addAll(subcommand());
        return String.join(" ", parts);
    }

    /** The command prefix for suggestions: {@code docker}, {@code podman}, {@code docker compose}, {@code docker-compose}. */
    public String cliPrefix() {
        if (tool.isComposeTool()) {
            return tool.executable();
        }
        return isCompose() ? tool.executable() + " compose" : tool.executable();
    }

    private List<String> specPath() {
        if (tool.isComposeTool()) {
            List<String> path = new ArrayList<>();
            path.add("compose");
            path.addAll(subcommand());
            return path;
        }
        return subcommand();
    }

    @Override
    public String toString() {
        return "DockerCommand[" + display() + " " + arguments + "]";
    }
}
