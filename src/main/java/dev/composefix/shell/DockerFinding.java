package dev.composefix.shell;

/**
 * A hazard found on a docker command: which hazard, the pattern in short human form (e.g.
 * {@code docker rm -f}), the command, the word to point at (the offending flag, or the subcommand) and a safer
 * alternative.
 */
public record DockerFinding(String hazard, String pattern, DockerCommand command, Word word, String alternative) {

    /** Char offset where the command starts in the parsed text. */
    public int start() {
        return command.command().start();
    }

    /** Char offset just after the command in the parsed text. */
    public int end() {
        return command.command().end();
    }
}
