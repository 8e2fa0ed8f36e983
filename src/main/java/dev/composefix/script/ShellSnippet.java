package dev.composefix.script;

/**
 * A piece of shell text taken from a file (a whole script, one Makefile recipe line, one CI step, one
 * package.json script, one string literal), with the file offset range of each of its chars ({@code starts},
 * {@code ends}: a char written as an escape spans several source chars). {@code editable} says whether edits
 * at these offsets keep the file meaning what the shell text means (true where the text is the file's own,
 * {@code $$} aside).
 */
public record ShellSnippet(String text, int[] starts, int[] ends, boolean editable) {

    /** The whole of {@code text} as it stands in a file from {@code offset} on. */
    public static ShellSnippet verbatim(String text, int offset) {
        Builder b = new Builder();
        for (int i = 0; i < text.length(); i++) {
            b.add(text.charAt(i), offset + i, offset + i + 1);
        }
        return b.build(true);
    }

    /** The file offset of the char at {@code index}; {@code index == length} gives the offset after the last char. */
    public int start(int index) {
        if (index < starts.length) {
            return starts[Math.max(0, index)];
        }
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    /** The file offset just after the char before {@code index} (for exclusive ends). */
    public int end(int index) {
        if (index <= 0) {
            return start(0);
        }
        return ends[Math.min(index, ends.length) - 1];
    }

    /** Collects chars with their source ranges. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private int[] starts = new int[64];
        private int[] ends = new int[64];

        /** Appends {@code c}, written at {@code [from, to)} in the file. */
        public Builder add(char c, int from, int to) {
            int n = text.length();
            if (n == starts.length) {
                starts = java.util.Arrays.copyOf(starts, n * 2);
                ends = java.util.Arrays.copyOf(ends, n * 2);
            }
            text.append(c);
            starts[n] = from;
            ends[n] = to;
            return this;
        }

        /** Appends {@code s}, every char of it standing for the file range {@code [from, to)}. */
        public Builder addAll(String s, int from, int to) {
            for (int i = 0; i < s.length(); i++) {
                add(s.charAt(i), from, to);
            }
            return this;
        }

        public int length() {
            return text.length();
        }

        /** The snippet. */
        public ShellSnippet build(boolean editable) {
            int n = text.length();
            if (n == 0) {
                return new ShellSnippet("", new int[] {}, new int[] {}, editable);
            }
            return new ShellSnippet(text.toString(), java.util.Arrays.copyOf(starts, n),
                    java.util.Arrays.copyOf(ends, n), editable);
        }
    }
}
