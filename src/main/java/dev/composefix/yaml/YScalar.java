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

    // equals and hashCode written out, as a record's own would be: those are made by a method-handle bootstrap
    // at their first call, which spun about twenty classes in a one-file lint (10 to 20 ms).

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof YScalar s && java.util.Objects.equals(value, s.value) && style == s.style
                && kind == s.kind && java.util.Objects.equals(span, s.span) && java.util.Objects.equals(anchor, s.anchor)
                && java.util.Objects.equals(tag, s.tag);
    }

    @Override
    public int hashCode() {
        int h = java.util.Objects.hashCode(value);
        h = 31 * h + java.util.Objects.hashCode(style);
        h = 31 * h + java.util.Objects.hashCode(kind);
        h = 31 * h + java.util.Objects.hashCode(span);
        h = 31 * h + java.util.Objects.hashCode(anchor);
        return 31 * h + java.util.Objects.hashCode(tag);
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    public boolean isQuoted() {
        return style == Style.SINGLE_QUOTED || style == Style.DOUBLE_QUOTED;
    }
}
