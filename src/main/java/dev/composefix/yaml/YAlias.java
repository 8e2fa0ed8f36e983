package dev.composefix.yaml;

/** An alias ({@code *name}) at its own place in the source, pointing at the anchored node. */
public record YAlias(String name, YNode target, Span span) implements YNode {

    @Override
    public String anchor() {
        return null;
    }

    @Override
    public String tag() {
        return null;
    }

    @Override
    public long weight() {
        return target.weight();
    }

    @Override
    public YNode resolve() {
        return target.resolve();
    }
}
