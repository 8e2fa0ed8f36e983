package dev.composefix.shell;

import java.util.Arrays;

/** Turns char offsets of one text into 1-based lines and code-point columns; build once, query often. */
public final class LineMap {
    private final String text;
    private final int[] lineStarts;

    /** Indexes the line starts of {@code text} (lines end at {@code '\n'}). */
    public LineMap(String text) {
        this.text = text == null ? "" : text;
        int count = 1;
        for (int i = 0; i < this.text.length(); i++) {
            if (this.text.charAt(i) == '\n') {
                count++;
            }
        }
        lineStarts = new int[count];
        int line = 1;
        for (int i = 0; i < this.text.length(); i++) {
            if (this.text.charAt(i) == '\n') {
                lineStarts[line++] = i + 1;
            }
        }
    }

    /** Position of {@code offset}, clamped to the text; a newline belongs to the line it ends. */
    public TextPosition position(int offset) {
        int at = Math.max(0, Math.min(offset, text.length()));
        int index = Arrays.binarySearch(lineStarts, at);
        int line = index >= 0 ? index : -index - 2;
        int column = text.codePointCount(lineStarts[line], at) + 1;
        return new TextPosition(line + 1, column);
    }
}
