package dev.composefix.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping, block or flow. {@link #entries()} is what the source says, in order; {@link #get(String)}
 * and {@link #members()} see the mapping as Compose does, with merge keys ({@code <<: *a},
 * {@code <<: [*a, *b]}) applied: the mapping's own keys win, then earlier merge sources over later ones.
 * A member inherited through a merge key is the anchor's own entry, so its position is the anchor's.
 */
public final class YMapping implements YNode {

    private final List<YEntry> entries;
    private final boolean flow;
    private final Span span;
    private final String anchor;
    private final String tag;
    private final long weight;
    private Map<String, YEntry> members;
    private Map<String, YEntry> ownEntries;

    public YMapping(List<YEntry> entries, boolean flow, Span span, String anchor, String tag, long weight) {
        this.entries = List.copyOf(entries);
        this.flow = flow;
        this.span = span;
        this.anchor = anchor;
        this.tag = tag;
        this.weight = weight;
    }

    public List<YEntry> entries() {
        return entries;
    }

    public boolean flow() {
        return flow;
    }

    @Override
    public Span span() {
        return span;
    }

    @Override
    public String anchor() {
        return anchor;
    }

    @Override
    public String tag() {
        return tag;
    }

    @Override
    public long weight() {
        return weight;
    }

    /** The entry for {@code key} after merge keys, or null. */
    public YEntry get(String key) {
        return memberMap().get(key);
    }

    /** The value for {@code key} after merge keys and aliases, or null when absent. */
    public YNode value(String key) {
        YEntry e = get(key);
        return e == null ? null : e.value().resolve();
    }

    /** The own entry for {@code key}, ignoring merge keys, or null. */
    public YEntry own(String key) {
        Map<String, YEntry> m = ownEntries;
        if (m == null) {
            m = new java.util.HashMap<>();
            for (YEntry e : entries) {
                String k = e.keyText();
                if (k != null && !e.isMergeKey()) {
                    m.putIfAbsent(k.intern(), e);
                }
            }
            // Published through an unmodifiable view (a final field): a file's tree may be read by
            // several threads when projects of one run share a referenced file.
            ownEntries = m = Collections.unmodifiableMap(m);
        }
        return m.get(key);
    }

    /** Whether {@code entry} comes from a merge key rather than from this mapping's own text. */
    public boolean inherited(YEntry entry) {
        String k = entry.keyText();
        return k == null || own(k) != entry;
    }

    /** All members after merge keys, own keys first in source order, then inherited ones. */
    public Collection<YEntry> members() {
        return memberMap().values();
    }

    private Map<String, YEntry> memberMap() {
        Map<String, YEntry> m = members;
        if (m == null) {
            m = new LinkedHashMap<>();
            List<YNode> sources = new ArrayList<>();
            for (YEntry e : entries) {
                if (e.isMergeKey()) {
                    YNode v = e.value().resolve();
                    if (v instanceof YSequence seq) {
                        for (YNode item : seq.items()) {
                            sources.add(item.resolve());
                        }
                    } else {
                        sources.add(v);
                    }
                } else {
                    String k = e.keyText();
                    if (k != null) {
                        // Interned: rules look keys up by literals thousands of times per file, and a key
                        // that is the literal itself matches without comparing characters.
                        m.putIfAbsent(k.intern(), e);
                    }
                }
            }
            for (YNode source : sources) {
                if (source instanceof YMapping sm && sm != this) {
                    for (YEntry inherited : sm.members()) {
                        m.putIfAbsent(inherited.keyText(), inherited);
                    }
                }
            }
            members = m = Collections.unmodifiableMap(m);
        }
        return m;
    }

    @Override
    public String toString() {
        return "YMapping" + (flow ? "{flow}" : "") + "@" + span;
    }
}
