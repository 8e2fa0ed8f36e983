package dev.composefix.yaml;

/**
 * A node of a parsed YAML document with its exact place in the source. Aliases stay visible as
 * {@link YAlias} nodes in the raw tree; {@link #resolve()} looks through them.
 */
public sealed interface YNode permits YScalar, YMapping, YSequence, YAlias {

    Span span();

    /** The anchor defined on this node ({@code &name}), or null. */
    String anchor();

    /** The explicit tag ({@code !reset}, {@code !!str}), or null when the tag is implicit. */
    String tag();

    /**
     * How many nodes this node stands for when every alias is expanded (saturating). Bounding it is
     * what stops alias bombs without rejecting files that use many small aliases.
     */
    long weight();

    /** This node, or the node an alias points to. */
    default YNode resolve() {
        return this;
    }

    default Position start() {
        return span().start();
    }

    default Position end() {
        return span().end();
    }
}
