package dev.composefix.script;

import dev.composefix.shell.ParsedScript;
import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.YComment;
import java.util.List;

/**
 * One file's commands: its name as reports show it, kind, text (without a byte order mark, {@code bom} says
 * whether there was one), line map, the shell texts it runs with the parse of each ({@code parses.get(i)} is
 * {@code snippets.get(i)} parsed once, for every rule), the argument lists it runs directly, and its
 * comments (of the file's language and of the shell texts in it; each comment's text is what follows its
 * marker), where suppressions are written.
 */
public record ScriptFile(String display, ScriptKind kind, String text, boolean bom, LineMap lines,
        List<ShellSnippet> snippets, List<ParsedScript> parses, List<ArgvSnippet> argvs, List<YComment> comments) {

    public ScriptFile {
        snippets = List.copyOf(snippets);
        parses = List.copyOf(parses);
        argvs = List.copyOf(argvs);
        comments = List.copyOf(comments);
        if (parses.size() != snippets.size()) {
            throw new IllegalArgumentException("one parse per snippet");
        }
    }
}
