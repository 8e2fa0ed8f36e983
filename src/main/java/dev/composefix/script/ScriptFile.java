package dev.composefix.script;

import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.YComment;
import java.util.List;

/**
 * One file's commands: its name as reports show it, kind, text (without a byte order mark, {@code bom} says
 * whether there was one), line map, the shell texts it runs, the argument lists it runs directly, and its
 * comments (of the file's language and of the shell texts in it; each comment's text is what follows its
 * marker), where suppressions are written.
 */
public record ScriptFile(String display, ScriptKind kind, String text, boolean bom, LineMap lines,
        List<ShellSnippet> snippets, List<ArgvSnippet> argvs, List<YComment> comments) {

    public ScriptFile {
        snippets = List.copyOf(snippets);
        argvs = List.copyOf(argvs);
        comments = List.copyOf(comments);
    }
}
