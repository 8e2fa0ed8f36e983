package dev.composefix.yaml;

/** A scalar: its value after YAML unescaping, how it was written, and what type a plain scalar resolves to. */
public record YScalar(String value, Style style, Kind kind, Span span, String anchor, String tag) implements YNode {

    /** How the scalar is written in the source. */
    public enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED }

    /** The YAML 1.2 core-schema type of the scalar (quoted and block scalars are always strings). */
    public enum Kind { STRING, INT, FLOAT, BOOL, NULL }

    @Override
    public long weight() {
        return 1;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isQuoted() {
        return style == Style.SINGLE_QUOTED || style == Style.DOUBLE_QUOTED;
    }
}
