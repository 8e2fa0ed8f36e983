package dev.composefix.report;

/**
 * A small streaming JSON writer for reports (keeps a JSON library off the start-up path): objects,
 * arrays, strings with full escaping, numbers, booleans and null, with two-space indentation.
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    private final boolean[] first = new boolean[256];
    private int depth;
    private boolean afterKey;

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
    }

    private void newline(int level) {
        out.append('\n');
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
