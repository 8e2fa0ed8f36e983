package dev.composefix.shell;

import java.util.Arrays;

/** Accumulates a word's value while the lexer walks its raw chars, remembering where each char came from. */
final class WordBuilder {
    private final int start;
    private final StringBuilder text = new StringBuilder();
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean expansion;
    private boolean quoted;

    WordBuilder(int start) {
        this.start = start;
    }

    int start() {
        return start;
    }

    int length() {
        return text.length();
    }

    /** Appends {@code c}, which came from source chars {@code [from, to)}. */
    void add(char c, int from, int to) {
        int n = text.length();
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
        }
        text.append(c);
        starts[n] = from;
        ends[n] = to;
    }

    /** Appends source chars {@code [from, to)} unchanged. */
    void addRaw(String source, int from, int to) {
        for (int i = from; i < to; i++) {
            add(source.charAt(i), i, i + 1);
        }
    }

    void markQuoted() {
        quoted = true;
    }

    void markExpansion() {
        expansion = true;
    }

    Word build(int end) {
        boolean literal = !quoted && !expansion;
        return Word.of(text.toString(), start, end, expansion, quoted, literal, starts, ends);
    }
}
