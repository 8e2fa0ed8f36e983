package dev.composefix.yaml;

/** One key/value pair of a mapping. */
public record YEntry(YNode key, YNode value) {

    /** The key's text when the key is a scalar (through an alias too), else null. */
    public String keyText() {
        return key.resolve() instanceof YScalar s ? s.value() : null;
    }

    public boolean isMergeKey() {
        return key.resolve() instanceof YScalar s && s.style() == YScalar.Style.PLAIN && "<<".equals(s.value());
    }
}
