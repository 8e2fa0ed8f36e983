package dev.composefix.yaml;

/**
 * A place in a source text: 1-based line, 1-based column counted in code points, the 0-based offset
 * into the Java string (UTF-16 char index) that text edits use, and which text: {@code source} is the
 * file's name as the user gave it, or null for "the file being read" when only one is in play.
 */
public record Position(int line, int column, int offset, String source) implements Comparable<Position> {

    public Position(int line, int column, int offset) {
        this(line, column, offset, null);
    }

    @Override
    public int compareTo(Position other) {
        return Integer.compare(offset, other.offset);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
