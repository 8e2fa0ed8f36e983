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
    /**
     * The keys, in entry order, of a mapping that is small, has no merge key and no key twice, and whose
     * every key is a scalar: its members are then its entries, looked up one by one (no map is built:
     * most of a compose file's mappings have a handful of keys, and a map and its entries cost more to
     * make and to keep than a few comparisons). {@link #MAPPED} for the others; null until first asked,
     * then set the same way by any thread that asks (the array is reached through a final field, so
     * another thread sees it whole).
     */
    private Keys keys;

    /** The key texts and their hashes (compared first: an int, where a lookup mostly misses). */
    private record Keys(String[] texts, int[] hashes) {
    }

    /** Mappings with at most this many entries may be scanned. */
    static final int SCAN = 8;
    private static final Keys MAPPED = new Keys(null, null);

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
        Keys k = scanned();
        if (k.texts() != null) {
            if (key == null) {
                return null;
            }
            int h = key.hashCode();
            int[] hashes = k.hashes();
            for (int i = 0; i < hashes.length; i++) {
                if (hashes[i] == h && k.texts()[i].equals(key)) {
                    return entries.get(i);
                }
            }
            return null;
        }
        return memberMap().get(key);
    }

    /** The keys of the mapping when it is scanned, else {@link #MAPPED}. */
    private Keys scanned() {
        Keys k = keys;
        if (k == null) {
            keys = k = keysOf(entries);
        }
        return k;
    }

    private static Keys keysOf(List<YEntry> entries) {
        int n = entries.size();
        if (n > SCAN) {
            return MAPPED;
        }
        String[] texts = new String[n];
        int[] hashes = new int[n];
        for (int i = 0; i < n; i++) {
            YEntry e = entries.get(i);
            String k = e.keyText();
            if (k == null || e.isMergeKey()) {
                return MAPPED;
            }
            for (int j = 0; j < i; j++) {
                if (k.equals(texts[j])) {
                    return MAPPED;
                }
            }
            texts[i] = k;
            hashes[i] = k.hashCode();
        }
        return new Keys(texts, hashes);
    }

    /** The first entry whose key is {@code key}, or null; merge keys are not members (own entries). */
    private YEntry scan(String key) {
        if (key == null) {
            return null;
        }
        for (int i = 0, n = entries.size(); i < n; i++) {
            YEntry e = entries.get(i);
            if (key.equals(e.keyText()) && !e.isMergeKey()) {
                return e;
            }
        }
        return null;
    }

    /** The value for {@code key} after merge keys and aliases, or null when absent. */
    public YNode value(String key) {
        YEntry e = get(key);
        return e == null ? null : e.value().resolve();
    }

    /** The own entry for {@code key}, ignoring merge keys, or null. */
    public YEntry own(String key) {
        if (entries.size() <= SCAN) {
            return scanned().texts() != null ? get(key) : scan(key);
        }
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
        if (scanned().texts() != null) {
            return entries;
        }
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
