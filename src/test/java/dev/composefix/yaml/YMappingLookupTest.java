package dev.composefix.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link YMapping}'s lookups against the rule they implement, written out here as plainly as it reads:
 * members are the own scalar keys first (the first of a repeated key), then what merge keys bring,
 * earlier sources first; own entries skip merge keys. Small mappings are searched entry by entry and
 * large ones through a map, so the texts have mappings of both sizes, with merge keys (one source or a
 * list), repeated keys, alias keys and keys that are not scalars. Seeded: a failure names its seed.
 */
class YMappingLookupTest {

    static LongStream seeds() {
        return LongStream.range(0, 1500);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void lookupsFollowTheMergeRules(long seed) throws YamlException {
        String text = new Gen(new Random(seed)).document();
        YamlDocument doc = new YamlLoader().load(text.getBytes(StandardCharsets.UTF_8));
        List<YMapping> mappings = new ArrayList<>();
        collect(doc.root(), mappings, new java.util.IdentityHashMap<>());
        assertTrue(!mappings.isEmpty(), text);
        for (YMapping m : mappings) {
            Map<String, YEntry> members = referenceMembers(m);
            Map<String, YEntry> own = referenceOwn(m);
            List<String> asked = new ArrayList<>(members.keySet());
            asked.addAll(List.of("<<", "absent", "k1", "image", ""));
            for (String key : asked) {
                assertSame(members.get(key), m.get(key), () -> "get(" + key + ") of " + m + " in seed " + seed + ":\n" + text);
                assertSame(own.get(key), m.own(key), () -> "own(" + key + ") of " + m + " in seed " + seed + ":\n" + text);
            }
            List<YEntry> expected = new ArrayList<>(members.values());
            List<YEntry> actual = new ArrayList<>(m.members());
            assertEquals(expected.size(), actual.size(), () -> "members of " + m + " in seed " + seed + ":\n" + text);
            for (int i = 0; i < expected.size(); i++) {
                assertSame(expected.get(i), actual.get(i), "member " + i + " in seed " + seed + ":\n" + text);
            }
            for (YEntry e : m.entries()) {
                String k = e.keyText();
                boolean inherited = k == null || own.get(k) != e;
                assertEquals(inherited, m.inherited(e), () -> "inherited " + e + " in seed " + seed + ":\n" + text);
            }
        }
    }

    private static void collect(YNode node, List<YMapping> out, Map<YNode, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof YMapping m) {
            out.add(m);
            for (YEntry e : m.entries()) {
                collect(e.key(), out, seen);
                collect(e.value(), out, seen);
            }
        } else if (node instanceof YSequence s) {
            for (YNode item : s.items()) {
                collect(item, out, seen);
            }
        }
    }

    private static boolean mergeKey(YEntry e) {
        return e.key().resolve() instanceof YScalar s && s.style() == YScalar.Style.PLAIN && s.value().equals("<<");
    }

    private static String keyText(YEntry e) {
        return e.key().resolve() instanceof YScalar s ? s.value() : null;
    }

    static Map<String, YEntry> referenceOwn(YMapping m) {
        Map<String, YEntry> out = new LinkedHashMap<>();
        for (YEntry e : m.entries()) {
            if (!mergeKey(e) && keyText(e) != null) {
                out.putIfAbsent(keyText(e), e);
            }
        }
        return out;
    }

    static Map<String, YEntry> referenceMembers(YMapping m) {
        Map<String, YEntry> out = referenceOwn(m);
        for (YEntry e : m.entries()) {
            if (!mergeKey(e)) {
                continue;
            }
            YNode v = e.value().resolve();
            List<YNode> sources = v instanceof YSequence seq ? seq.items() : List.of(v);
            for (YNode source : sources) {
                if (source.resolve() instanceof YMapping sm && sm != m) {
                    for (YEntry inherited : referenceMembers(sm).values()) {
                        out.putIfAbsent(keyText(inherited), inherited);
                    }
                }
            }
        }
        return out;
    }

    /** Documents of anchored templates and mappings that use them, small (up to 8 entries) and large. */
    private static final class Gen {
        private final Random r;
        private final List<String> anchors = new ArrayList<>();
        private final Map<String, String> keyAnchors = new LinkedHashMap<>();
        private int next;

        Gen(Random r) {
            this.r = r;
        }

        String document() {
            StringBuilder b = new StringBuilder();
            int templates = r.nextInt(4);
            for (int t = 0; t < templates; t++) {
                String name = "t" + t;
                b.append("x-").append(name).append(": &").append(name).append('\n');
                mapping(b, 1, 1 + r.nextInt(5), 2);
                anchors.add(name);
            }
            b.append("top:\n");
            int n = 1 + r.nextInt(6);
            for (int i = 0; i < n; i++) {
                b.append("  m").append(i).append(":\n");
                mapping(b, 2, r.nextInt(4) == 0 ? 9 + r.nextInt(8) : r.nextInt(9), 2);
            }
            return b.toString();
        }

        private void mapping(StringBuilder b, int level, int entries, int depth) {
            String indent = "  ".repeat(level);
            if (entries == 0) {
                b.append(indent).append("{}\n");
                return;
            }
            // The loader rejects a scalar key twice in one mapping (a merge key too): each key value once.
            java.util.Set<String> used = new java.util.HashSet<>();
            for (int i = 0; i < entries; i++) {
                int kind = r.nextInt(20);
                String[] key = key();
                if (kind <= 1 || kind == 5) {
                    key = new String[] {kind == 5 ? "'<<'" : "<<", "<<"};
                } else if (kind == 3 && !keyAnchors.isEmpty()) {
                    String a = pick(new ArrayList<>(keyAnchors.keySet()));
                    key = new String[] {"*" + a + " ", keyAnchors.get(a)};
                }
                if (kind != 2 && !used.add(key[1])) {
                    continue;
                }
                b.append(indent);
                if (kind == 0 && !anchors.isEmpty()) {
                    b.append("<<: *").append(pick(anchors)).append('\n');
                } else if (kind == 1 && anchors.size() > 1) {
                    b.append("<<: [*").append(pick(anchors)).append(", *").append(pick(anchors)).append("]\n");
                } else if (kind <= 1) {
                    b.append("<<: {").append(key()[0]).append(": inline}\n");
                } else if (kind == 2) {
                    b.append("? [").append(key()[0]).append(", ").append(key()[0]).append("]\n").append(indent).append(": v\n");
                } else if (kind == 4) {
                    String a = "k" + (next++);
                    b.append('&').append(a).append(' ').append(key[0]).append(": anchored\n");
                    keyAnchors.put(a, key[1]);
                } else if (kind == 6 && depth > 0) {
                    b.append(key[0]).append(":\n");
                    mapping(b, level + 1, r.nextInt(5), depth - 1);
                } else {
                    // kind 3 (an alias key), 5 (a quoted <<, an ordinary key) and plain entries
                    b.append(key[0]).append(": ").append(r.nextInt(100)).append('\n');
                }
            }
        }

        /** A key as written and its value, from a small pool, so that merge sources share keys. */
        private String[] key() {
            String[][] pool = {{"a", "a"}, {"b", "b"}, {"c", "c"}, {"d", "d"}, {"image", "image"}, {"k1", "k1"},
                {"x y", "x y"}, {"\"e\"", "e"}, {"'f'", "f"}, {"1", "1"}, {"null", "null"}, {"true", "true"}};
            return pool[r.nextInt(pool.length)];
        }

        private String pick(List<String> from) {
            return from.get(r.nextInt(from.size()));
        }
    }
}
