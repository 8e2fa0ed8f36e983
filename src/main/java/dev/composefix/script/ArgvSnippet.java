package dev.composefix.script;

import java.util.List;

/**
 * A command given as a literal argument list (no shell involved), such as
 * {@code subprocess.run(["docker", "rm", "-f", name])}: one {@link ShellSnippet} per element, each mapping its
 * chars to the file. An element that is not a literal (a variable) stands as {@code $name}, mapped to the
 * expression.
 */
public record ArgvSnippet(List<ShellSnippet> elements) {

    public ArgvSnippet {
        elements = List.copyOf(elements);
    }

    /** The elements' texts. */
    public List<String> argv() {
        return elements.stream().map(ShellSnippet::text).toList();
    }
}
