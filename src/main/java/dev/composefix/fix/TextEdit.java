package dev.composefix.fix;

/**
 * Replace the chars {@code [start, end)} of a file's text with {@code text}; {@code start == end}
 * inserts. {@code source} names the file (as positions do; null for the only file in play).
 * {@code adds} says, for an insertion of whole lines into a block mapping, which keys it adds and at
 * which column, or for one of items at the end of a block sequence, their column (null when the edit
 * is anything else): two such insertions at one point commute when they add different keys at one
 * column (the same mapping's end), and go deeper first when their columns differ (an inner block's
 * end, then the outer one's).
 */
public record TextEdit(int start, int end, String text, String source, Entries adds) implements Comparable<TextEdit> {

    /**
     * The keys an insertion of block-mapping lines adds, all at {@code column} (0-based); or, with
     * {@code items}, an insertion of items at the end of a block sequence whose dashes are at
     * {@code column} (no keys: items have an order, so two such insertions at one point never commute,
     * nor does one with an insertion at its own column).
     */
    public record Entries(int column, java.util.Set<String> keys, boolean items) {
        public Entries {
            keys = java.util.Set.copyOf(keys);
            if (items && !keys.isEmpty()) {
                throw new IllegalArgumentException("sequence items add no keys");
            }
        }

        public Entries(int column, java.util.Set<String> keys) {
            this(column, keys, false);
        }

        /** Items appended to a block sequence whose dashes are at {@code column}. */
        public static Entries items(int column) {
            return new Entries(column, java.util.Set.of(), true);
        }

        // Written out as the record's own would be (see TextEdit's).

        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Entries e && column == e.column && items == e.items && keys.equals(e.keys);
        }

        @Override
        public int hashCode() {
            return (31 * column + keys.hashCode()) * 31 + Boolean.hashCode(items);
        }
    }

    // equals and hashCode written out, as the record's own would be: those are made by a method-handle bootstrap
    // at their first call, which spun about twenty classes in a rewrite (10 to 20 ms).

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TextEdit e && start == e.start && end == e.end
                && java.util.Objects.equals(text, e.text) && java.util.Objects.equals(source, e.source)
                && java.util.Objects.equals(adds, e.adds);
    }

    @Override
    public int hashCode() {
        int h = 31 * start + end;
        h = 31 * h + java.util.Objects.hashCode(text);
        h = 31 * h + java.util.Objects.hashCode(source);
        return 31 * h + java.util.Objects.hashCode(adds);
    }

    public TextEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad edit range [" + start + ", " + end + ")");
        }
        if (adds != null && start != end) {
            throw new IllegalArgumentException("only an insertion adds entries");
        }
    }

    public TextEdit(int start, int end, String text, String source) {
        this(start, end, text, source, null);
    }

    public TextEdit(int start, int end, String text) {
        this(start, end, text, null, null);
    }

    public static TextEdit insert(int at, String text) {
        return new TextEdit(at, at, text);
    }

    public static TextEdit delete(int start, int end) {
        return new TextEdit(start, end, "");
    }

    /** This edit, in the file named {@code file}. */
    public TextEdit in(String file) {
        return new TextEdit(start, end, text, file, adds);
    }

    /**
     * Whether the two edits cannot both be applied: their ranges intersect, or both insert at the same
     * point (their order would be a guess), or one inserts strictly inside the other's range. Two
     * insertions at one point that add different keys to the same block mapping (same point, same
     * column: the same mapping's end) do not conflict: either order gives the same mapping, and they
     * land in the order they are applied.
     */
    public boolean conflicts(TextEdit other) {
        if (!java.util.Objects.equals(source, other.source)) {
            return false;
        }
        if (start == end && other.start == other.end) {
            return start == other.start && !commutes(other);
        }
        if (start == end) {
            return start > other.start && start < other.end;
        }
        if (other.start == other.end) {
            return other.start > start && other.start < end;
        }
        return start < other.end && other.start < end;
    }

    private boolean commutes(TextEdit other) {
        if (adds == null || other.adds == null) {
            return false;
        }
        if (adds.column() != other.adds.column()) {
            return true; // the deeper continues the block that ends here, and goes first (compareTo)
        }
        if (adds.items() || other.adds.items()) {
            return false; // items and keys at one column: which comes first changes the tree
        }
        for (String k : adds.keys()) {
            if (other.adds.keys().contains(k)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(TextEdit o) {
        if (start != o.start) {
            return Integer.compare(start, o.start);
        }
        if (end != o.end) {
            return Integer.compare(end, o.end);
        }
        // Two insertions of block lines at one point, at different columns: the deeper one continues the
        // block that ends there (a nested mapping's new entry), the other starts a sibling further out.
        if (adds != null && o.adds != null && adds.column() != o.adds.column()) {
            return Integer.compare(o.adds.column(), adds.column());
        }
        return 0;
    }
}
