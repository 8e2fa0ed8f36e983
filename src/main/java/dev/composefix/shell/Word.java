package dev.composefix.shell;

import java.util.Arrays;
import java.util.Objects;

/** One shell word after quote removal, with its char offsets in the source text. */
public final class Word {
    private final String text;
    private final int start;
    private final int end;
    private final boolean expansion;
    private final boolean quoted;
    private final boolean literal;
    /**
     * Where each char of {@link #text} came from; both null when the chars came one to one from the
     * source chars {@code [base, base + text.length())}, as in most words (no quotes inside, no escapes):
     * a database's command keeps its words as long as its service, and two offsets per char made them
     * a fifth of what a rewrite of a big file holds.
     */
    private final int[] charStarts;
    private final int[] charEnds;
    private final int base;

    private Word(String text, int start, int end, boolean expansion, boolean quoted, boolean literal,
            int[] charStarts, int[] charEnds, int base) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.expansion = expansion;
        this.quoted = quoted;
        this.literal = literal;
        this.charStarts = charStarts;
        this.charEnds = charEnds;
        this.base = base;
    }

    /**
     * A word whose char {@code i} came from source chars {@code [charStarts[i], charEnds[i])} (the arrays
     * may be longer than the text; they are copied when kept).
     */
    static Word of(String text, int start, int end, boolean expansion, boolean quoted, boolean literal,
            int[] charStarts, int[] charEnds) {
        int n = text.length();
        int first = n == 0 ? 0 : charStarts[0];
        for (int i = 0; i < n; i++) {
            if (charStarts[i] != first + i || charEnds[i] != first + i + 1) {
                return new Word(text, start, end, expansion, quoted, literal, Arrays.copyOf(charStarts, n),
                        Arrays.copyOf(charEnds, n), 0);
            }
        }
        return new Word(text, start, end, expansion, quoted, literal, null, null, first);
    }

    /** A word that is exactly {@code text}, found at {@code start} with every char mapped one to one. */
    static Word verbatim(String text, int start) {
        return new Word(text, start, start + text.length(), false, false, false, null, null,
                text.isEmpty() ? 0 : start);
    }

    /** The value after quote removal; expansions such as {@code $X} or {@code $(cmd)} are kept as written. */
    public String text() {
        return text;
    }

    /** Char offset of the first char of the raw word in the source. */
    public int start() {
        return start;
    }

    /** Char offset just after the raw word in the source. */
    public int end() {
        return end;
    }

    /** True when the word holds an unquoted or double-quoted {@code $...} or backtick expansion. */
    public boolean hasExpansion() {
        return expansion;
    }

    /** True when any part of the word was quoted or backslash-escaped. */
    public boolean isQuoted() {
        return quoted;
    }

    /**
     * Source offset of the char at {@code index} in {@link #text()}; {@code index == text().length()} gives
     * the offset just after the last char.
     */
    public int sourceOffset(int index) {
        if (index < 0 || index > text.length()) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + text.length());
        }
        return offsetMap().start(index);
    }

    /** True when the word had no quotes, escapes or expansions (what reserved words need). */
    boolean isLiteral() {
        return literal;
    }

    OffsetMap offsetMap() {
        return charStarts == null ? OffsetMap.contiguous(base, text.length(), start, end)
                : new OffsetMap(charStarts, charEnds, start, end);
    }

    /** This word with every offset passed through {@code map}. */
    Word remap(OffsetMap map) {
        int n = text.length();
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = map.start(charStarts == null ? base + i : charStarts[i]);
            ends[i] = map.end(charEnds == null ? base + i + 1 : charEnds[i]);
        }
        return of(text, map.start(start), map.end(end), expansion, quoted, literal, starts, ends);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Word)) {
            return false;
        }
        Word w = (Word) o;
        return start == w.start && end == w.end && expansion == w.expansion && quoted == w.quoted
                && base == w.base && text.equals(w.text) && Arrays.equals(charStarts, w.charStarts)
                && Arrays.equals(charEnds, w.charEnds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, start, end, expansion, quoted);
    }

    @Override
    public String toString() {
        return "Word[" + text + "@" + start + ".." + end + (expansion ? ",$" : "") + "]";
    }
}
