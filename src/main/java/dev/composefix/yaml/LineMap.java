package dev.composefix.yaml;

import java.util.Arrays;

/**
 * Line starts of a text, and the conversions between code-point indexes (what the YAML scanner
 * counts), char offsets (what text edits use) and 1-based line/column positions. Line breaks are
 * {@code \n} and {@code \r\n}; composefix rejects lone {@code \r} before parsing.
 */
public final class LineMap {

    private final String text;
    private final String source;
    private final int[] lineStarts;
    /** Char offset of each code point, or null when the text has no surrogate pairs. */
    private final int[] charOfCodePoint;
    /** The offset of the first NUL, carriage return or character from U+0085 up, or -1: see {@link #firstUnusual()}. */
    private final int firstUnusual;

    /** Bytes {@link LineMap#LineMap(String, String)} passes over: from ' ' to U+0084, but not '?'. */
    private static final boolean[] ORDINARY = new boolean[256];

    static {
        for (int c = ' '; c < 0x85; c++) {
            ORDINARY[c] = c != '?';
        }
    }

    public LineMap(String text) {
        this(text, null);
    }

    /** The line map of {@code text}, whose positions name {@code source} (a file name, or null). */
    public LineMap(String text, String source) {
        this.text = text;
        this.source = source;
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        boolean surrogates = false;
        int unusual = -1;
        // Over the text's ISO-8859-1 bytes, which are read much faster than the string char by char: a line
        // break is a '\n' byte, and a character the encoding has not (from U+0100 up: unusual, and perhaps
        // a surrogate) is a '?' byte, told from a real '?' by the char at its place. A surrogate pair is one
        // '?' for two chars, so text with pairs (and the bytes' places no longer the chars') is read as chars;
        // text without pairs needs no code-point map (a lone surrogate is one code point of one char).
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (b.length == text.length()) {
            for (int i = 0; i < b.length; i++) {
                int c = b[i] & 0xFF;
                if (ORDINARY[c]) {
                    continue; // most characters
                }
                if (c == '\n') {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                    }
                    starts[n++] = i + 1;
                } else if (c == '?') {
                    if (unusual < 0 && text.charAt(i) != '?') {
                        unusual = i;
                    }
                } else if (c == 0 || c == '\r' || c >= 0x85) {
                    if (unusual < 0) {
                        unusual = i;
                    }
                }
            }
        } else {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= ' ' && c < '\u0085') {
                    continue; // most characters
                }
                if (c == '\n') {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                    }
                    starts[n++] = i + 1;
                } else if (c == 0 || c == '\r' || c >= '\u0085') {
                    if (unusual < 0) {
                        unusual = i;
                    }
                    if (Character.isSurrogate(c)) {
                        surrogates = true;
                    }
                }
            }
        }
        this.firstUnusual = unusual;
        this.lineStarts = Arrays.copyOf(starts, n);
        if (surrogates) {
            int cps = text.codePointCount(0, text.length());
            int[] map = new int[cps + 1];
            int ci = 0;
            for (int i = 0; i < text.length(); ) {
                map[ci++] = i;
                i += Character.charCount(text.codePointAt(i));
            }
            map[ci] = text.length();
            this.charOfCodePoint = map;
        } else {
            this.charOfCodePoint = null;
        }
    }

    /**
     * The offset of the first NUL, carriage return or character from U+0085 up (the characters the
     * loader looks at before parsing), or -1 when the text has none: found while finding the lines, so
     * a text with none needs no second pass.
     */
    public int firstUnusual() {
        return firstUnusual;
    }

    public String text() {
        return text;
    }

    /** The name positions of this text carry (see {@link Position#source()}), or null. */
    public String source() {
        return source;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** Char offset of the code point with index {@code codePointIndex}. */
    public int charOffset(int codePointIndex) {
        if (charOfCodePoint == null) {
            return Math.min(codePointIndex, text.length());
        }
        return charOfCodePoint[Math.min(codePointIndex, charOfCodePoint.length - 1)];
    }

    /** The code-point index of a char offset (the inverse of {@link #charOffset}). */
    int codePointIndex(int offset) {
        return charOfCodePoint == null ? offset : text.codePointCount(0, offset);
    }

    /** The position of a char offset. */
    public Position at(int offset) {
        offset = clamp(offset);
        int line = lineIndex(offset);
        return new Position(line + 1, column(line, offset), offset, source);
    }

    /** The 1-based line of a char offset (clamped to the text), as {@link #at(int)} gives it, without a position. */
    public int lineOf(int offset) {
        return lineIndex(clamp(offset)) + 1;
    }

    /** The 1-based column (in code points) of a char offset, as {@link #at(int)} gives it, without a position. */
    public int columnOf(int offset) {
        offset = clamp(offset);
        if (charOfCodePoint == null) {
            // Most columns are a few characters from their line's start: looking back for the '\n' that ends
            // the line before costs less than a binary search of the line starts (rules and edits ask for a
            // column of many nodes). A line longer than the look-back is searched as before.
            int from = Math.max(0, offset - NEAR_LINE_START);
            for (int i = offset - 1; i >= from; i--) {
                if (text.charAt(i) == '\n') {
                    return offset - i;
                }
            }
            if (from == 0) {
                return offset + 1;
            }
        }
        return column(lineIndex(offset), offset);
    }

    /** How far {@link #columnOf} looks back for a line break before it searches the line starts. */
    private static final int NEAR_LINE_START = 48;

    /** {@code offset} held within the text. */
    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }

    /** The 0-based line of an offset within the text. */
    private int lineIndex(int offset) {
        int idx = Arrays.binarySearch(lineStarts, offset);
        return idx >= 0 ? idx : -idx - 2;
    }

    private int column(int line, int offset) {
        int start = lineStarts[line];
        return (charOfCodePoint == null ? offset - start : text.codePointCount(start, offset)) + 1;
    }

    /** The position of a 1-based line and column (column in code points), clamped to the text. */
    public Position at(int line, int column) {
        int l = Math.max(1, Math.min(line, lineStarts.length)) - 1;
        int start = lineStarts[l];
        int end = lineEnd(l + 1);
        int offset;
        if (charOfCodePoint == null) {
            offset = Math.min(start + Math.max(column, 1) - 1, end);
        } else {
            offset = start;
            for (int c = 1; c < column && offset < end; c++) {
                offset += Character.charCount(text.codePointAt(offset));
            }
        }
        return at(offset);
    }

    /** Char offset where 1-based {@code line} starts. */
    public int lineStart(int line) {
        return lineStarts[Math.max(1, Math.min(line, lineStarts.length)) - 1];
    }

    /** Char offset where 1-based {@code line}'s content ends (before its line break). */
    public int lineEnd(int line) {
        int l = Math.max(1, Math.min(line, lineStarts.length));
        int start = lineStarts[l - 1];
        int end = l < lineStarts.length ? lineStarts[l] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /** The text of 1-based {@code line}, without its line break. */
    public String line(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }
}
