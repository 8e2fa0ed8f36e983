package dev.composefix.yaml;

import java.util.List;

/** A sequence, block ({@code - x}) or flow ({@code [x, y]}). */
public record YSequence(List<YNode> items, boolean flow, Span span, String anchor, String tag, long weight)
        implements YNode {

    public YSequence {
        items = List.copyOf(items);
    }
}
