package dev.composefix.yaml;

/**
 * A place in a source text: 1-based line, 1-based column counted in code points, and the 0-based
 * offset into the Java string (UTF-16 char index) that text edits use.
 */
public record Position(int line, int column, int offset) implements Comparable<Position> {

    @Override
    public int compareTo(Position other) {
        return Integer.compare(offset, other.offset);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
