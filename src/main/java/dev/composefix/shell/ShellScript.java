package dev.composefix.shell;

import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.Position;
import java.util.ArrayList;
import java.util.List;

/** Entry points: parse a shell script or a compose argv into simple commands. */
public final class ShellScript {

    private ShellScript() {
    }

    /**
     * Parses {@code script} into its simple commands in source order, including those inside {@code $(..)},
     * backticks, process substitutions and {@code sh -c '...'} / {@code eval '...'} arguments. Never throws.
     */
    public static List<SimpleCommand> parse(String script) {
        if (script == null || script.isEmpty()) {
            return List.of();
        }
        return List.copyOf(ScriptParser.parse(script, 0, 0));
    }

    /** Parses {@code script} into its simple commands and loops (see {@link #parse}). Never throws. */
    public static ParsedScript parseScript(String script) {
        if (script == null || script.isEmpty()) {
            return ParsedScript.EMPTY;
        }
        return ScriptParser.parseScript(script, 0, 0);
    }

    /**
     * Treats {@code argv} (an exec-form command, no shell involved) as one simple command and, when it is a
     * shell invocation such as {@code sh -ec SCRIPT} or {@code /usr/bin/env bash -c SCRIPT}, also parses
     * SCRIPT. The argv command comes first, then the script's commands in source order. Never throws.
     */
    public static List<ArgvCommand> fromArgv(List<String> argv) {
        if (argv == null || argv.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>(argv.size());
        List<Word> words = new ArrayList<>(argv.size());
        for (String arg : argv) {
            String text = arg == null ? "" : arg;
            args.add(text);
            words.add(Word.verbatim(text, 0));
        }
        List<ArgvCommand> commands = new ArrayList<>();
        commands.add(new ArgvCommand(new SimpleCommand(words, 0, args.get(args.size() - 1).length(), 0), 0, false));
        int script = ShellInvocation.scriptIndex(args);
        if (script >= 0) {
            for (SimpleCommand command : ScriptParser.parse(args.get(script), 0, 1)) {
                commands.add(new ArgvCommand(command, script, true));
            }
        }
        return List.copyOf(commands);
    }

    /** The 1-based line and code-point column of {@code offset} in {@code script}, clamped to the text. */
    public static Position lineOf(String script, int offset) {
        return new LineMap(script == null ? "" : script).at(offset);
    }
}
