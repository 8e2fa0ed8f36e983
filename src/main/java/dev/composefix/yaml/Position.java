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

    // equals and hashCode written out, as a record's own would be: those are made by a method-handle bootstrap
    // at their first call, which spun about twenty classes in a run (10 to 20 ms).

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Position p && line == p.line && column == p.column && offset == p.offset
                && java.util.Objects.equals(source, p.source);
    }

    @Override
    public int hashCode() {
        return ((31 * line + column) * 31 + offset) * 31 + java.util.Objects.hashCode(source);
    }
}
