package dev.composefix.yaml;

import java.util.List;

/**
 * A parsed YAML file: its text (without a byte-order mark, which {@link #bom()} remembers), the root
 * node (null for an empty document), and every comment in source order.
 */
public record YamlDocument(String text, boolean bom, YNode root, List<YComment> comments, LineMap lines) {

    public YamlDocument {
        comments = List.copyOf(comments);
    }

    /**
     * A document is itself only (its nodes compare by identity anyway): rules key caches and editors by
     * document, and a record's hash would walk every comment at every lookup.
     */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** The file's name as positions in it carry it, or null. */
    public String source() {
        return lines.source();
    }
}
