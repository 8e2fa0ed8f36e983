package dev.composefix.report;

/**
 * A small streaming JSON writer for reports (keeps a JSON library off the start-up path): objects,
 * arrays, strings with full escaping, numbers, booleans and null, with two-space indentation.
 */
public final class JsonWriter {

    /** How much text is held before it goes to the sink. */
    private static final int HELD = 1 << 16;

    private StringBuilder out = new StringBuilder();
    /**
     * Whether {@link #out} has held a character past Latin-1 since it was last emptied: such a builder keeps
     * two bytes a character (and appends slower) however it is emptied, so a new one follows it.
     */
    private boolean wide;
    /** Where the text goes as it is written; null: it is kept, for {@link #toString}. */
    private final Appendable sink;
    private final boolean[] first = new boolean[256];
    private int depth;
    private boolean afterKey;

    /** A writer whose text is kept, for {@link #toString}. */
    public JsonWriter() {
        this(null);
    }

    /**
     * A writer that hands its text to {@code sink} as it goes, a piece at a time (a report of thousands
     * of files is not held whole); {@link #finish} hands on the rest.
     */
    public JsonWriter(Appendable sink) {
        this.sink = sink;
    }

    /** Appends {@code tail} and hands on what is held (with a sink). */
    public void finish(String tail) throws java.io.IOException {
        out.append(tail);
        try {
            handOn();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private void handOn() {
        if (sink == null || out.length() == 0) {
            return;
        }
        try {
            if (sink instanceof EncodedOutput encoded) {
                // Encoded here, in one call, rather than by the print stream's encoder a buffer at a time; a
                // piece ends after a closing bracket, so on a whole character.
                encoded.write(out.toString().getBytes(encoded.charset()));
            } else {
                sink.append(out.toString());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (wide) {
            out = new StringBuilder(out.capacity());
            wide = false;
        } else {
            out.setLength(0);
        }
    }

    public JsonWriter beginObject() {
        value();
        out.append('{');
        first[++depth] = true;
        return this;
    }

    public JsonWriter endObject() {
        close('}');
        return this;
    }

    public JsonWriter beginArray() {
        value();
        out.append('[');
        first[++depth] = true;
        return this;
    }

    public JsonWriter endArray() {
        close(']');
        return this;
    }

    public JsonWriter name(String name) {
        separator();
        string(name);
        out.append(": ");
        afterKey = true;
        return this;
    }

    public JsonWriter value(String s) {
        value();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    public JsonWriter value(long n) {
        value();
        out.append(n);
        return this;
    }

    /** A finite number, written without exponent or trailing zeros (0.25, 2). */
    public JsonWriter value(double d) {
        value();
        out.append(java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
        return this;
    }

    public JsonWriter value(boolean b) {
        value();
        out.append(b);
        return this;
    }

    public JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    public JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    /** The text written (with a sink: what is held and not yet handed on). */
    @Override
    public String toString() {
        return out.toString();
    }

    private void value() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        separator();
    }

    private void separator() {
        if (depth == 0) {
            return;
        }
        if (!first[depth]) {
            out.append(',');
        }
        first[depth] = false;
        newline(depth);
    }

    private void close(char c) {
        boolean empty = first[depth];
        depth--;
        if (!empty) {
            newline(depth);
        }
        out.append(c);
        if (out.length() >= HELD) {
            handOn();
        }
    }

    private void newline(int level) {
        if (level < INDENTS.length) {
            out.append(INDENTS[level]); // one append, not one a level: most lines of a SARIF report are deep
            return;
        }
        out.append('\n');
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    /** A line break and the indentation of each level up to 15. */
    private static final String[] INDENTS = new String[16];

    static {
        for (int level = 0; level < INDENTS.length; level++) {
            INDENTS[level] = "\n" + "  ".repeat(level);
        }
    }

    private void string(String s) {
        out.append('"');
        // Runs of characters that need no escape are appended whole (most strings are one run): not
        // character by character.
        int n = s.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                wide = true;
            }
            if (c >= 0x20 && c != '"' && c != '\\' && c != 0x2028 && c != 0x2029) {
                continue;
            }
            if (from < i) {
                out.append(s, from, i);
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> unicode(c);
            }
            from = i + 1;
        }
        if (from == 0) {
            out.append(s);
        } else if (from < n) {
            out.append(s, from, n);
        }
        out.append('"');
    }

    /** {@code \\u} and four lower-case hex digits, as {@code String.format("\\u%04x", c)} writes it. */
    private void unicode(char c) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(HEX[(c >> shift) & 0xF]);
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
