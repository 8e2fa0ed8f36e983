package dev.composefix.shell;

import java.util.List;
import java.util.Optional;

/**
 * A parsed script: its simple commands and its loops, each in order of their start offsets, and its comments
 * ({@code [start, end)}: from the {@code #} to the end of its line; not those inside {@code sh -c} strings).
 */
public record ParsedScript(List<SimpleCommand> commands, List<ShellLoop> loops, List<int[]> comments) {

    /** An empty script. */
    public static final ParsedScript EMPTY = new ParsedScript(List.of(), List.of(), List.of());

    /** Copies the lists. */
    public ParsedScript {
        commands = List.copyOf(commands);
        loops = List.copyOf(loops);
        comments = List.copyOf(comments);
    }

    /** The innermost loop whose body holds {@code command}. */
    public Optional<ShellLoop> innermostLoop(SimpleCommand command) {
        ShellLoop best = null;
        for (ShellLoop l : loops) {
            if (l.encloses(command) && (best == null || l.bodyStart() >= best.bodyStart())) {
                best = l;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The commands in the body of {@code loop}, nested loops included. */
    public List<SimpleCommand> body(ShellLoop loop) {
        List<SimpleCommand> out = new java.util.ArrayList<>(); // a loop, not a stream a start would have to link
        for (SimpleCommand c : commands) {
            if (loop.encloses(c)) {
                out.add(c);
            }
        }
        return java.util.Collections.unmodifiableList(out);
    }
}
