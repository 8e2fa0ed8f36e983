package dev.composefix.yaml;

import java.util.List;
import java.util.function.Function;

/**
 * A parsed YAML file: its text (without a byte-order mark, which {@link #bom()} remembers), the root
 * node (null for an empty document), and every comment in source order. A document is equal only to
 * itself (its nodes compare by identity anyway), and it remembers what rules work out once per file
 * ({@link #remembered}).
 */
public final class YamlDocument {

    private final String text;
    private final boolean bom;
    private final YNode root;
    private final List<YComment> comments;
    private final LineMap lines;
    /** What {@link #remembered} holds, newest first; written under this document's lock, read without it. */
    private volatile Memo memo;

    public YamlDocument(String text, boolean bom, YNode root, List<YComment> comments, LineMap lines) {
        this.text = text;
        this.bom = bom;
        this.root = root;
        this.comments = List.copyOf(comments);
        this.lines = lines;
    }

    public String text() {
        return text;
    }

    /** Whether the file started with a byte-order mark, which {@link #text()} leaves out. */
    public boolean bom() {
        return bom;
    }

    /** The root node, or null for an empty document. */
    public YNode root() {
        return root;
    }

    public List<YComment> comments() {
        return comments;
    }

    public LineMap lines() {
        return lines;
    }

    /** The file's name as positions in it carry it, or null. */
    public String source() {
        return lines.source();
    }

    /** A value and the key it was computed for, then those remembered before it. Immutable. */
    private record Memo(Object key, Object value, Memo next) {
    }

    /**
     * What {@code compute} gives for this document, computed once for {@code key} (compared by identity: use
     * a constant) and kept as long as the document: what a rule works out of a whole file (which services
     * extend which, where anchors are used) for each service it looks at. Read without a lock; the first
     * computation is under this document's lock, so every thread gets the same value. {@code compute} may
     * ask this document for another value, but not another document (two threads could then wait for each
     * other).
     */
    @SuppressWarnings("unchecked")
    public <T> T remembered(Object key, Function<YamlDocument, T> compute) {
        Object known = lookup(key);
        if (known != ABSENT) {
            return (T) known;
        }
        synchronized (this) {
            known = lookup(key); // another thread may have computed it meanwhile
            if (known != ABSENT) {
                return (T) known;
            }
            T value = compute.apply(this);
            memo = new Memo(key, value, memo);
            return value;
        }
    }

    /** What {@link #remembered} stands for a key nothing is remembered for (a value may be null). */
    private static final Object ABSENT = new Object();

    /** The value remembered for {@code key}, or {@link #ABSENT}. */
    private Object lookup(Object key) {
        for (Memo m = memo; m != null; m = m.next()) {
            if (m.key() == key) {
                return m.value();
            }
        }
        return ABSENT;
    }

    @Override
    public String toString() {
        return "YamlDocument[" + (source() == null ? "" : source()) + ", " + text.length() + " chars]";
    }
}
