package dev.composefix.script;

import dev.composefix.yaml.LineMap;
import java.util.List;

/**
 * One file's commands: its name as reports show it, kind, text (without a byte order mark, {@code bom} says
 * whether there was one), line map, the shell texts it runs and the argument lists it runs directly.
 */
public record ScriptFile(String display, ScriptKind kind, String text, boolean bom, LineMap lines,
        List<ShellSnippet> snippets, List<ArgvSnippet> argvs) {

    public ScriptFile {
        snippets = List.copyOf(snippets);
        argvs = List.copyOf(argvs);
    }
}
