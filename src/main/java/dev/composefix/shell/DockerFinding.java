package dev.composefix.shell;

/**
 * A hazard found on a docker command: which hazard, the pattern in short human form (e.g.
 * {@code docker rm -f}), the command, the word to point at (the offending flag, or the subcommand), a safer
 * alternative, and what makes this use hazardous when the pattern alone does not say it (else empty).
 */
public record DockerFinding(String hazard, String pattern, DockerCommand command, Word word, String alternative,
        String detail) {

    /** A finding whose pattern says it all. */
    public DockerFinding(String hazard, String pattern, DockerCommand command, Word word, String alternative) {
        this(hazard, pattern, command, word, alternative, "");
    }

    /** Char offset where the command starts in the parsed text. */
    public int start() {
        return command.command().start();
    }

    /** Char offset just after the command in the parsed text. */
    public int end() {
        return command.command().end();
    }
}
