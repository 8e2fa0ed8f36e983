package dev.composefix.shell;

import java.util.ArrayList;
import java.util.List;

/** Maps char offsets in a derived text (a word's value, a backtick body) back to the text it came from. */
final class OffsetMap {
    /** Null when derived char {@code i} is source char {@code base + i}. */
    private final int[] starts;
    private final int[] ends;
    private final int base;
    private final int length;
    private final int emptyStart;
    private final int emptyEnd;

    /**
     * @param starts source offset where each derived char begins
     * @param ends source offset just after each derived char
     * @param emptyStart what offsets map to when there are no chars
     * @param emptyEnd what end offsets map to when there are no chars
     */
    OffsetMap(int[] starts, int[] ends, int emptyStart, int emptyEnd) {
        this(starts, ends, 0, starts.length, emptyStart, emptyEnd);
    }

    private OffsetMap(int[] starts, int[] ends, int base, int length, int emptyStart, int emptyEnd) {
        this.starts = starts;
        this.ends = ends;
        this.base = base;
        this.length = length;
        this.emptyStart = emptyStart;
        this.emptyEnd = emptyEnd;
    }

    /** The map of {@code length} derived chars that are the source chars {@code [base, base + length)}. */
    static OffsetMap contiguous(int base, int length, int emptyStart, int emptyEnd) {
        return new OffsetMap(null, null, base, length, emptyStart, emptyEnd);
    }

    /** Maps an offset used as a start position. */
    int start(int offset) {
        int n = length;
        if (n == 0) {
            return emptyStart;
        }
        if (offset < n) {
            int i = Math.max(offset, 0);
            return starts == null ? base + i : starts[i];
        }
        return starts == null ? base + n : ends[n - 1];
    }

    /** Maps an offset used as an exclusive end position. */
    int end(int offset) {
        int n = length;
        if (n == 0) {
            return emptyEnd;
        }
        if (offset <= 0) {
            return starts == null ? base : starts[0];
        }
        int i = Math.min(offset, n);
        return starts == null ? base + i : ends[i - 1];
    }

    SimpleCommand remap(SimpleCommand command) {
        List<Word> words = new ArrayList<>(command.words().size());
        for (Word w : command.words()) {
            words.add(w.remap(this));
        }
        return new SimpleCommand(words, start(command.start()), end(command.end()), command.loopDepth());
    }
}
