package dev.composefix.yaml;

/** A range of a source text; {@code end} is exclusive. */
public record Span(Position start, Position end) {

    public Span {
        if (end.offset() < start.offset()) {
            throw new IllegalArgumentException("span ends before it starts: " + start + " > " + end);
        }
    }

    public static Span at(Position p) {
        return new Span(p, p);
    }

    public boolean contains(int offset) {
        return offset >= start.offset() && offset < end.offset();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
