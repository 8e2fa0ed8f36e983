package dev.composefix.rules;

import dev.composefix.yaml.YAlias;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The anchors of a document that some alias refers to, and where those aliases stand. */
final class AliasedAnchors {

    /**
     * Per anchor name, where its aliases stand: a service key's name when the alias is that key's
     * value in some service, {@link #SERVICE} when it is a whole service, {@link #MERGE} when a
     * service's merge key names it, and "" anywhere else (deeper, or outside the services).
     */
    private record Uses(Map<String, Set<String>> places) {
    }

    static final String SERVICE = "<service>";
    static final String MERGE = "<<";

    private AliasedAnchors() {
    }

    /** Every anchor name an alias of the document uses (collected once per document). */
    static Set<String> of(YamlDocument doc) {
        return uses(doc).places().keySet();
    }

    /**
     * Whether {@code node}, the value of a service's {@code key} written here, carries (or holds a node
     * that carries) an anchor that an alias refers to from anywhere but another service's {@code key}:
     * editing the node in place would change that place too, and no fix for {@code key} covers it. (A
     * service whose {@code key} is an alias of it gets that key's fixes itself, as an override.)
     */
    static boolean sharedBeyond(YamlDocument doc, YNode node, String key) {
        Map<String, Set<String>> places = uses(doc).places();
        if (places.isEmpty()) {
            return false;
        }
        SharedAnchors shared = new SharedAnchors(places, key);
        walk(node, shared);
        return shared.found;
    }

    /**
     * Looks, node by node, for an anchor an alias uses from anywhere but {@code key} ({@link #sharedBeyond}).
     * A class rather than a lambda, which a start would have to link.
     */
    private static final class SharedAnchors implements Consumer<YNode> {
        private final Map<String, Set<String>> places;
        private final String key;
        boolean found;

        SharedAnchors(Map<String, Set<String>> places, String key) {
            this.places = places;
            this.key = key;
        }

        @Override
        public void accept(YNode n) {
            Set<String> at = n instanceof YAlias || n.anchor() == null ? null : places.get(n.anchor());
            found |= at != null && !(at.size() == 1 && at.contains(key));
        }
    }

    private static Uses uses(YamlDocument doc) {
        return doc.remembered(FindUses.INSTANCE, FindUses.INSTANCE);
    }

    /** {@link #findUses}, and the key the document remembers it by (a class, not a lambda to link). */
    private static final class FindUses implements java.util.function.Function<YamlDocument, Uses> {
        static final FindUses INSTANCE = new FindUses();

        @Override
        public Uses apply(YamlDocument d) {
            return findUses(d);
        }
    }

    private static Uses findUses(YamlDocument d) {
        if (d.text().indexOf('*') < 0) {
            return new Uses(Map.of()); // an alias is written with a '*': without one, none to find
        }
        Map<String, Set<String>> places = new HashMap<>();
        YNode root = d.root() == null ? null : d.root().resolve();
        YMapping services = root instanceof YMapping r && r.own("services") != null
                && r.own("services").value() instanceof YMapping m ? m : null;
        // A service's key whose value is itself an alias stands at that key; every other alias
        // (deeper in a service, a merge key, outside the services) stands "anywhere else".
        Set<YNode> atKeys = Collections.newSetFromMap(new IdentityHashMap<>());
        if (services != null) {
            for (YEntry s : services.entries()) {
                if (s.isMergeKey()) {
                    continue; // merged into the services mapping itself: anywhere else
                }
                if (s.value() instanceof YAlias whole) {
                    place(places, atKeys, whole, SERVICE);
                } else if (s.value() instanceof YMapping body) {
                    for (YEntry e : body.entries()) {
                        if (e.isMergeKey()) {
                            if (e.value() instanceof YAlias a) {
                                place(places, atKeys, a, MERGE);
                            } else if (e.value() instanceof YSequence from) {
                                for (YNode item : from.items()) {
                                    if (item instanceof YAlias a) {
                                        place(places, atKeys, a, MERGE);
                                    }
                                }
                            }
                        } else if (e.value() instanceof YAlias a) {
                            place(places, atKeys, a, String.valueOf(e.keyText()));
                        }
                    }
                }
            }
        }
        walk(d.root(), new OtherAliases(places, atKeys));
        return new Uses(places);
    }

    /**
     * Places every alias not standing at a service's key ({@code placed}) "anywhere else". A class rather than a
     * lambda, which a start would have to link.
     */
    private static final class OtherAliases implements Consumer<YNode> {
        private final Map<String, Set<String>> places;
        private final Set<YNode> placed;

        OtherAliases(Map<String, Set<String>> places, Set<YNode> placed) {
            this.places = places;
            this.placed = placed;
        }

        @Override
        public void accept(YNode n) {
            if (n instanceof YAlias a && !placed.contains(a)) {
                add(places, a.name(), "");
            }
        }
    }

    private static void place(Map<String, Set<String>> places, Set<YNode> placed, YAlias alias, String where) {
        add(places, alias.name(), where);
        placed.add(alias);
    }

    private static void add(Map<String, Set<String>> places, String anchor, String where) {
        Set<String> at = places.get(anchor);
        if (at == null) {
            at = new HashSet<>();
            places.put(anchor, at);
        }
        at.add(where);
    }

    /**
     * Whether a service's own mapping, written with {@code anchor}, is used by an alias other than a
     * whole service or a service's merge key (those are judged by the service rules that edit them).
     */
    static boolean usedBeyondServices(YamlDocument doc, String anchor) {
        Set<String> at = uses(doc).places().get(anchor);
        if (at == null) {
            return false;
        }
        for (String where : at) {
            if (!where.equals(SERVICE) && !where.equals(MERGE)) {
                return true;
            }
        }
        return false;
    }

    /** Visits the nodes written under {@code root}, aliases as themselves (not followed), iteratively. */
    private static void walk(YNode root, Consumer<YNode> visit) {
        if (root == null) {
            return;
        }
        // A tree: an alias is a leaf here (its anchor's node is visited where it is written), so no node
        // is met twice and none needs remembering (a set of every node cost a large file more than the walk).
        List<YNode> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            YNode n = stack.remove(stack.size() - 1);
            visit.accept(n);
            if (n instanceof YMapping m) {
                for (YEntry e : m.entries()) {
                    stack.add(e.key());
                    stack.add(e.value());
                }
            } else if (n instanceof YSequence q) {
                stack.addAll(q.items());
            }
        }
    }
}
