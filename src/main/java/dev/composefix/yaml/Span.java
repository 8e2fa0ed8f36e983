package dev.composefix.yaml;

/**
 * A range of a source text; {@code end} is exclusive. The spans the loader makes hold only their two
 * char offsets and the text's {@link LineMap}, and make their positions when first asked: a file of
 * 10,000 services has some 200,000 spans, most of whose positions nothing ever looks at, and two
 * position objects per span were a fifth of the tree's memory.
 */
public final class Span {

    private final int from;
    private final int to;
    /** Where positions come from when asked, or null for a span made from positions. */
    private final LineMap lines;
    // Made once when first asked (a race makes an equal one twice: positions are immutable).
    private Position start;
    private Position end;

    public Span(Position start, Position end) {
        if (end.offset() < start.offset()) {
            throw new IllegalArgumentException("span ends before it starts: " + start + " > " + end);
        }
        this.from = start.offset();
        this.to = end.offset();
        this.lines = null;
        this.start = start;
        this.end = end;
    }

    private Span(LineMap lines, int from, int to) {
        this.from = from;
        this.to = to;
        this.lines = lines;
    }

    /** The span of {@code lines}' text from char offset {@code from} to {@code to}, positioned when asked. */
    static Span of(LineMap lines, int from, int to) {
        if (to < from) {
            throw new IllegalArgumentException("span ends before it starts: " + from + " > " + to);
        }
        return new Span(lines, from, to);
    }

    public static Span at(Position p) {
        return new Span(p, p);
    }

    public Position start() {
        Position p = start;
        if (p == null) {
            p = lines.at(from);
            start = p;
        }
        return p;
    }

    public Position end() {
        Position p = end;
        if (p == null) {
            p = lines.at(to);
            end = p;
        }
        return p;
    }

    /** {@code start().line()}, without making the position when it is not made yet. */
    public int startLine() {
        Position p = start;
        return p != null ? p.line() : lines.lineOf(from);
    }

    /** {@code start().column()}, without making the position when it is not made yet. */
    public int startColumn() {
        Position p = start;
        return p != null ? p.column() : lines.columnOf(from);
    }

    /** {@code start().offset()}, without making the position. */
    public int startOffset() {
        return from;
    }

    /** {@code end().offset()}, without making the position. */
    public int endOffset() {
        return to;
    }

    public boolean contains(int offset) {
        return offset >= from && offset < to;
    }

    /** Equal when both ends are equal positions (line, column, offset and source). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Span other)) {
            return false;
        }
        if (lines != null && lines == other.lines) {
            return from == other.from && to == other.to; // one text: the offsets decide
        }
        return start().equals(other.start()) && end().equals(other.end());
    }

    @Override
    public int hashCode() {
        return 31 * start().hashCode() + end().hashCode();
    }

    @Override
    public String toString() {
        return start() + "-" + end();
    }
}
