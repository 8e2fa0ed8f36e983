package dev.composefix.shell;

import java.util.ArrayList;
import java.util.List;

/** Maps char offsets in a derived text (a word's value, a backtick body) back to the text it came from. */
final class OffsetMap {
    private final int[] starts;
    private final int[] ends;
    private final int emptyStart;
    private final int emptyEnd;

    /**
     * @param starts source offset where each derived char begins
     * @param ends source offset just after each derived char
     * @param emptyStart what offsets map to when there are no chars
     * @param emptyEnd what end offsets map to when there are no chars
     */
    OffsetMap(int[] starts, int[] ends, int emptyStart, int emptyEnd) {
        this.starts = starts;
        this.ends = ends;
        this.emptyStart = emptyStart;
        this.emptyEnd = emptyEnd;
    }

    /** Maps an offset used as a start position. */
    int start(int offset) {
        int n = starts.length;
        if (n == 0) {
            return emptyStart;
        }
        if (offset < n) {
            return starts[Math.max(offset, 0)];
        }
        return ends[n - 1];
    }

    /** Maps an offset used as an exclusive end position. */
    int end(int offset) {
        int n = ends.length;
        if (n == 0) {
            return emptyEnd;
        }
        if (offset <= 0) {
            return starts[0];
        }
        return ends[Math.min(offset, n) - 1];
    }

    SimpleCommand remap(SimpleCommand command) {
        List<Word> words = new ArrayList<>(command.words().size());
        for (Word w : command.words()) {
            words.add(w.remap(this));
        }
        return new SimpleCommand(words, start(command.start()), end(command.end()), command.loopDepth());
    }
}
