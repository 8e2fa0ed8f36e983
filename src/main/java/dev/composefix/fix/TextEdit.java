package dev.composefix.fix;

/**
 * Replace the chars {@code [start, end)} of a file's text with {@code text}; {@code start == end}
 * inserts. {@code source} names the file (as positions do; null for the only file in play).
 */
public record TextEdit(int start, int end, String text, String source) implements Comparable<TextEdit> {

    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
        }
    }

    public TextEdit(int start, int end, String text) {
        this(start, end, text, null);
    }

    public static TextEdit insert(int at, String text) {
        return new TextEdit(at, at, text);
    }

    public static TextEdit delete(int start, int end) {
        return new TextEdit(start, end, "");
    }

    /** This edit, in the file named {@code file}. */
    public TextEdit in(String file) {
        return new TextEdit(start, end, text, file);
    }

    /**
     * Whether the two edits cannot both be applied: their ranges intersect, or both insert at the same
     * point (their order would be a guess), or one inserts strictly inside the other's range.
     */
    public boolean conflicts(TextEdit other) {
        if (!java.util.Objects.equals(source, other.source)) {
            return false;
        }
        if (start == end && other.start == other.end) {
            return start == other.start;
        }
        if (start == end) {
            return start > other.start && start < other.end;
        }
        if (other.start == other.end) {
            return other.start > start && other.start < end;
        }
        return start < other.end && other.start < end;
    }

    @Override
    public int compareTo(TextEdit o) {
        return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
    }
}
