package dev.composefix.rules;

import dev.composefix.engine.RuleContext;
import dev.composefix.fix.Fix;
import dev.composefix.fix.Fragment;
import dev.composefix.fix.TextEdit;
import dev.composefix.fix.YamlEditor;
import dev.composefix.model.ComposeFile;
import dev.composefix.model.EnvironmentVariable;
import dev.composefix.model.Service;
import dev.composefix.yaml.ScalarSource;
import dev.composefix.yaml.YAlias;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
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
import java.util.WeakHashMap;

/**
 * Fixes that change one variable of a service's {@code environment}, in either of its forms (a map,
 * {@code KEY: value}, or a list, {@code - KEY=value}; block or flow), with the smallest edit that does
 * it:
 *
 * <ul>
 *   <li>a variable that only this service reads is edited where it is written: the changed characters
 *       of its value replaced (a number, say), or text inserted, keeping the scalar's quoting;</li>
 *   <li>a variable the service inherits (through an alias or merge key from an anchor, or through
 *       {@code extends}), or shares with another service, is overridden: the service gets its own
 *       entry with the whole new value, so the anchor and the other services are untouched (Compose
 *       merges {@code environment} by variable name);</li>
 *   <li>a missing variable is added to the service's own environment in its form, which is created
 *       (in the form most of the file's services use) when the service has none.</li>
 * </ul>
 *
 * <p>With {@code rewrite --into OVERRIDE}, every edit goes into OVERRIDE: a variable written there is
 * edited in place, any other gets an entry there with its whole new value. A fix is withheld (null)
 * when the file's shape allows no safe edit.
 */
final class EnvironmentEdit {

    private EnvironmentEdit() {
    }

    /** Replace the characters {@code [start, end)} of a variable's value (as written) with {@code text}. */
    record Replacement(int start, int end, String text) {
    }

    /**
     * Where a variable of a service is written: the scalar holding its value in {@code doc}, a map
     * value or a list item ({@code NAME=value}, whose value starts after the {@code =}).
     */
    record Site(YamlDocument doc, YScalar node, boolean listItem, String name) {

        /** The variable's value as written (before interpolation). */
        String raw() {
            return listItem ? node.value().substring(name.length() + 1) : node.value();
        }

        /** Where the value starts in the scalar's value. */
        int valueStart() {
            return listItem ? name.length() + 1 : 0;
        }
    }

    /** The place the service's variable {@code name} is written, or null when it is not found in a file of the project. */
    static Site site(Service s, String name) {
        EnvironmentVariable v = s.environment().get(name);
        if (v == null || v.node() == null || !(v.node().resolve() instanceof YScalar modelNode)) {
            return null;
        }
        YamlDocument doc = s.file().document(modelNode.start().source());
        if (doc == null) {
            return null;
        }
        // The model may hold a list item's value as a scalar of its own (projects merge key=value
        // collections into mappings); the file's node starts where the model's does.
        Uses uses = uses(doc, name);
        YScalar node = uses.byOffset.get(modelNode.start().offset());
        if (node == null || node.end().offset() != modelNode.end().offset()) {
            return null;
        }
        boolean listItem = uses.listItems.containsKey(node);
        if (listItem && !node.value().startsWith(name + "=")) {
            return null;
        }
        return new Site(doc, node, listItem, name);
    }

    /**
     * A fix that replaces parts of the variable's value: in place when the service alone reads it
     * where it is written, else as the service's own entry with the whole new value.
     */
    static Fix replace(Service s, RuleContext ctx, Site site, List<Replacement> parts, String title) {
        String raw = site.raw();
        StringBuilder b = new StringBuilder();
        int at = 0;
        List<Replacement> sorted = new ArrayList<>(parts);
        sorted.sort(BY_START);
        for (Replacement r : sorted) {
            if (r.start() < at || r.end() > raw.length()) {
                return null;
            }
            b.append(raw, at, r.start()).append(r.text());
            at = r.end();
        }
        String value = b.append(raw.substring(at)).toString();
        try {
            if (editableInPlace(s, ctx, site)) {
                return fix(s, ctx, inPlace(ctx, site, sorted, value), title);
            }
            return fix(s, ctx, own(s, ctx, site.name(), value, site), title);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A fix that adds the (absent) variable {@code name} with {@code value} to the service's environment. */
    static Fix add(Service s, RuleContext ctx, String name, String value, String title) {
        try {
            return fix(s, ctx, own(s, ctx, name, value, null), title);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Fix fix(Service s, RuleContext ctx, List<TextEdit> edits, String title) {
        if (edits == null || edits.isEmpty()) {
            return null;
        }
        return new Fix(title, ctx.fixSafety(), edits, List.of(Fix.path("services", s.name(), "environment")));
    }

    // ---------------------------------------------------------------- in place

    /**
     * Whether the variable may be edited where it is written: in the service's own text (not an
     * anchor elsewhere), read by no other service (through an alias, a merge key or {@code extends}),
     * not itself an anchor, and, with {@code --into}, in the override file.
     */
    private static boolean editableInPlace(Service s, RuleContext ctx, Site site) {
        String into = ctx.settings().into();
        if (into != null && !into.equals(site.doc().source())) {
            return false;
        }
        YMapping body = ServiceEdit.ownBody(site.doc(), s.name());
        if (body == null || site.node().anchor() != null) {
            return false;
        }
        int start = site.node().start().offset();
        if (start < body.start().offset() || site.node().end().offset() > body.end().offset()) {
            return false;
        }
        Uses uses = uses(site.doc(), site.name());
        return uses.readers.getOrDefault(site.node(), 0) <= 1 && modelReaders(s.file(), site) <= 1;
    }

    /** The edits that change the scalar's text in place: each replaced range alone, else the whole scalar. */
    private static List<TextEdit> inPlace(RuleContext ctx, Site site, List<Replacement> parts, String newValue) {
        YamlEditor editor = ctx.editor(site.doc());
        List<TextEdit> edits = new ArrayList<>();
        for (Replacement r : parts) {
            int from = locate(site, site.valueStart() + r.start(), r.end() - r.start());
            if (from < 0) {
                String whole = site.listItem() ? site.name() + "=" + newValue : newValue;
                return List.of(editor.replaceScalar(site.node(), whole));
            }
            edits.add(new TextEdit(from, from + (r.end() - r.start()), r.text(), site.doc().source()));
        }
        return edits;
    }

    /**
     * The offset in the file of the scalar value's characters {@code [index, index + length)}, when
     * they are written there verbatim; else -1. Scalars written verbatim map directly; a folded or
     * escaped scalar maps when the whitespace-separated word holding the range occurs as often in the
     * source as in the value (the n-th in one is then the n-th in the other).
     */
    private static int locate(Site site, int index, int length) {
        YScalar node = site.node();
        String value = node.value();
        String text = site.doc().text();
        int direct = ScalarSource.offset(site.doc(), node, index);
        int directEnd = ScalarSource.offset(site.doc(), node, index + length);
        if (direct >= 0 && directEnd - direct == length) {
            return direct;
        }
        int wordStart = index;
        while (wordStart > 0 && !Character.isWhitespace(value.charAt(wordStart - 1))) {
            wordStart--;
        }
        int wordEnd = index + length;
        while (wordEnd < value.length() && !Character.isWhitespace(value.charAt(wordEnd))) {
            wordEnd++;
        }
        String word = value.substring(wordStart, wordEnd);
        if (word.isEmpty()) {
            return -1;
        }
        String source = text.substring(node.start().offset(), node.end().offset());
        List<Integer> inValue = occurrences(value, word);
        List<Integer> inSource = occurrences(source, word);
        int n = inValue.indexOf(wordStart);
        if (n < 0 || inValue.size() != inSource.size()) {
            return -1;
        }
        return node.start().offset() + inSource.get(n) + (index - wordStart);
    }

    /** Where {@code word} occurs in {@code text} as a whole whitespace-separated word. */
    private static List<Integer> occurrences(String text, String word) {
        List<Integer> out = new ArrayList<>();
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            boolean before = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "\"'".indexOf(text.charAt(i - 1)) >= 0;
            int end = i + word.length();
            boolean after = end == text.length() || Character.isWhitespace(text.charAt(end))
                    || "\"'".indexOf(text.charAt(end)) >= 0;
            if (before && after) {
                out.add(i);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- an own entry

    /**
     * The edits that give the service its own entry {@code name} with {@code value}, in the file
     * where it belongs: the override with {@code --into}; else the file of the inherited entry when it
     * defines the service, or the file where the service's environment (or the service) is written.
     */
    private static List<TextEdit> own(Service s, RuleContext ctx, String name, String value, Site inherited) {
        String into = ctx.settings().into();
        YamlDocument doc;
        if (into != null) {
            doc = s.file().document(into);
        } else if (inherited != null && ServiceEdit.servicesMapping(inherited.doc(), s.name()) != null) {
            doc = inherited.doc();
        } else {
            doc = ServiceEdit.documentFor(s, "environment");
        }
        YMapping services = doc == null ? null : ServiceEdit.servicesMapping(doc, s.name());
        if (services == null) {
            return null;
        }
        YamlEditor editor = ctx.editor(doc);
        YEntry entry = services.own(s.name());
        if (entry.value() instanceof YScalar empty && empty.isNull()) {
            // An empty service entry (as --into seeds them): the environment is all it gets.
            return editor.merge(services, Fragment.mapping(s.name(), Fragment.mapping("environment",
                    created(doc, name, value))));
        }
        if (!(entry.value() instanceof YMapping body) || uses(doc, "").extended.contains(s.name())) {
            return null; // a service of the file extends this one: it would get the variable too
        }
        boolean bodyLeaks = ServiceEdit.leaks(doc, s.name(), "environment");
        YEntry env = body.own("environment");
        if (env != null) {
            YNode v = env.value();
            if (v instanceof YMapping m) {
                YEntry existing = m.own(name);
                if (existing != null && existing.value() instanceof YAlias && !sharedCollection(doc, m)) {
                    return List.of(editor.replaceValue(m, existing, mapValue(m, value)));
                }
                if (existing != null || sharedCollection(doc, m)) {
                    return null;
                }
                return List.of(editor.insert(m, name, mapValue(m, value)));
            }
            if (v instanceof YSequence q) {
                if (item(q, name) != null || sharedCollection(doc, q)) {
                    return null;
                }
                return List.of(editor.append(q, listItem(q, name, value)));
            }
            if (bodyLeaks) {
                return null;
            }
            if (v instanceof YAlias a && a.resolve() instanceof YMapping target) {
                return List.of(editor.replaceValue(body, env, new Fragment.Mapping(List.of(a.name()),
                        Map.of(name, mapValue(target, value)))));
            }
            if (v instanceof YAlias a && a.resolve() instanceof YSequence target) {
                return List.of(editor.replaceValue(body, env, copyReplacing(target, name, value)));
            }
            if (v instanceof YScalar nothing && nothing.isNull()) {
                return List.of(editor.replaceValue(body, env, created(doc, name, value)));
            }
            return null;
        }
        if (bodyLeaks) {
            return null;
        }
        YEntry inheritedEnv = body.get("environment");
        YNode target = inheritedEnv == null ? null : inheritedEnv.value().resolve();
        if (target instanceof YMapping m) {
            // Merge keys: an own environment that merges from the inherited one, plus the variable.
            return editor.merge(body, Fragment.mapping("environment", Fragment.mapping(name, mapValue(m, value))));
        }
        if (target instanceof YSequence q) {
            // A list cannot be merged from: the own list repeats the inherited items.
            return List.of(editor.insert(body, "environment", copyReplacing(q, name, value)));
        }
        if (target != null && !(target instanceof YScalar sc && sc.isNull())) {
            return null;
        }
        return List.of(editor.insert(body, "environment", created(doc, name, value)));
    }

    /** A new environment with one variable, in the form most services of the file use (a map by default). */
    private static Fragment created(YamlDocument doc, String name, String value) {
        if (uses(doc, name).listForm) {
            return new Fragment.Sequence(List.of(Fragment.string(name + "=" + value)), false);
        }
        return Fragment.mapping(name, Fragment.string(value));
    }

    /** A map value for a new entry of {@code m}: quoted like the entry before it, or in a flow mapping when it must be. */
    private static Fragment mapValue(YMapping m, String value) {
        YEntry last = null;
        for (YEntry e : m.entries()) {
            if (!e.isMergeKey()) {
                last = e;
            }
        }
        return like(last == null ? null : last.value(), value, m.flow());
    }

    /** A list item {@code name=value} for {@code q}, quoted like its last item, or in a flow list when it must be. */
    private static Fragment listItem(YSequence q, String name, String value) {
        return like(q.items().isEmpty() ? null : q.items().get(q.items().size() - 1), name + "=" + value, q.flow());
    }

    /**
     * {@code text} as a new scalar next to {@code neighbour}: in the neighbour's quotes when it is quoted
     * (and the text needs no escapes), plain where that reads back the same, else quoted in the file's style.
     */
    private static Fragment like(YNode neighbour, String text, boolean flow) {
        boolean simple = true; // a loop, not chars().allMatch: a stream and a lambda a start would link
        for (int i = 0; i < text.length() && simple; i++) {
            char c = text.charAt(i);
            simple = c >= 0x20 && c != 0x7F && c != '\\' && c != '"';
        }
        if (neighbour instanceof YScalar sc && sc.style() == YScalar.Style.DOUBLE_QUOTED && simple) {
            return Fragment.raw("\"" + text + "\"");
        }
        if (neighbour instanceof YScalar sc && sc.style() == YScalar.Style.SINGLE_QUOTED && simple) {
            return Fragment.raw("'" + text.replace("'", "''") + "'");
        }
        return flow && flowUnsafe(text) ? Fragment.quoted(text) : Fragment.string(text);
    }

    private static boolean flowUnsafe(String text) {
        for (char c : text.toCharArray()) {
            if (",[]{}#".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A block list with the items of {@code q}, the item for {@code name} (or a new last one) set to {@code value}. */
    private static Fragment copyReplacing(YSequence q, String name, String value) {
        List<Fragment> items = new ArrayList<>();
        YNode own = item(q, name);
        boolean replaced = false;
        for (YNode item : q.items()) {
            if (item == own) {
                items.add(listItem(q, name, value));
                replaced = true;
            } else {
                items.add(new Fragment.Copy(item));
            }
        }
        if (!replaced) {
            items.add(listItem(q, name, value));
        }
        return new Fragment.Sequence(items, false);
    }

    /** The last item of a list environment that sets {@code name}, or null. */
    private static YNode item(YSequence q, String name) {
        YNode found = null;
        for (YNode item : q.items()) {
            if (item.resolve() instanceof YScalar sc && !sc.isNull() && key(sc.value()).equals(name)) {
                found = item;
            }
        }
        return found;
    }

    private static String key(String item) {
        int eq = item.indexOf('=');
        return eq < 0 ? item : item.substring(0, eq);
    }

    // ---------------------------------------------------------------- who reads what

    /**
     * Per file and variable: the scalars the file's services read the variable from (through
     * aliases and merge keys) with how many services read each, the environments with how many
     * services read each, and whether most services write their environment as a list.
     */
    private static final class Uses {
        final Map<Integer, YScalar> byOffset = new HashMap<>();
        final Map<YNode, Integer> readers = new IdentityHashMap<>();
        final Map<YNode, Boolean> listItems = new IdentityHashMap<>();
        final Map<YNode, Integer> environments = new IdentityHashMap<>();
        /** The anchors the file's aliases name: the same for every variable, so collected once per file. */
        Set<String> aliased = Set.of();
        final Set<String> extended = new HashSet<>();
        boolean listForm;
    }

    /** The key under which a document remembers its map of uses by variable name (filled as rules ask). */
    private static final Object USES = new Object();

    /** Key in a document's map of uses under which its aliased anchors are kept (no variable is named so). */
    private static final String ALIASES = "\u0000aliases";

    private static Uses uses(YamlDocument doc, String name) {
        Map<String, Uses> byName = doc.remembered(USES, NEW_USES);
        Uses aliases = byName.computeIfAbsent(ALIASES, new Aliases(doc));
        return byName.computeIfAbsent(name, new Compute(doc, aliases.aliased));
    }

    private static Uses compute(YamlDocument doc, String name, Set<String> aliased) {
        Uses u = new Uses();
        YNode root = doc.root() == null ? null : doc.root().resolve();
        u.aliased = aliased;
        YEntry services = root instanceof YMapping r ? r.own("services") : null;
        if (services == null || !(services.value().resolve() instanceof YMapping all)) {
            return u;
        }
        int lists = 0;
        int maps = 0;
        for (YEntry e : all.members()) {
            if (!(e.value().resolve() instanceof YMapping body)) {
                continue;
            }
            YNode ext = body.value("extends");
            if (ext instanceof YScalar sc) {
                u.extended.add(sc.value());
            } else if (ext instanceof YMapping em && em.value("service") instanceof YScalar sc
                    && em.value("file") == null) {
                u.extended.add(sc.value());
            }
            YEntry envEntry = body.get("environment");
            YNode env = envEntry == null ? null : envEntry.value().resolve();
            if (env == null) {
                continue;
            }
            u.environments.merge(env, 1, SUM);
            if (env instanceof YMapping m) {
                maps++;
                for (YEntry member : m.entries()) {
                    if (member.isMergeKey()) {
                        for (YNode source : sources(member.value())) {
                            u.environments.merge(source, 1, SUM);
                        }
                    }
                }
                YEntry v = m.get(name);
                if (v != null && v.value().resolve() instanceof YScalar sc) {
                    read(u, sc, false);
                }
            } else if (env instanceof YSequence q) {
                lists++;
                YNode item = item(q, name);
                if (item != null) {
                    read(u, (YScalar) item.resolve(), true);
                }
            }
        }
        u.listForm = lists > maps;
        return u;
    }

    private static void read(Uses u, YScalar node, boolean listItem) {
        u.readers.merge(node, 1, SUM);
        u.byOffset.put(node.start().offset(), node);
        if (listItem) {
            u.listItems.put(node, true);
        }
    }

    private static List<YNode> sources(YNode mergeValue) {
        YNode v = mergeValue.resolve();
        List<YNode> out = new ArrayList<>();
        if (v instanceof YSequence seq) {
            for (YNode item : seq.items()) {
                out.add(item.resolve());
            }
        } else {
            out.add(v);
        }
        return out;
    }

    /** Whether adding a variable to this environment collection would reach another service too. */
    private static boolean sharedCollection(YamlDocument doc, YNode collection) {
        Uses u = uses(doc, "");
        return u.environments.getOrDefault(collection, 0) > 1
                || (collection.anchor() != null && u.aliased.contains(collection.anchor()));
    }

    /** How many services of the project read the variable from the site's node (by position). */
    private static int modelReaders(ComposeFile file, Site site) {
        Map<String, Integer> counts = MODEL.computeIfAbsent(file, NEW_MODEL)
                .computeIfAbsent(site.name(), new ModelReaders(file));
        YScalar n = site.node();
        return counts.getOrDefault(n.start().source() + "@" + n.start().offset(), 0);
    }

    private static final Map<ComposeFile, Map<String, Map<String, Integer>>> MODEL =
            Collections.synchronizedMap(new WeakHashMap<>());

    // Classes rather than lambdas and method references below: each of those a start would have to link.

    /** Replacements by where they start. */
    private static final java.util.Comparator<Replacement> BY_START = new ByStart();

    private static final class ByStart implements java.util.Comparator<Replacement> {
        @Override
        public int compare(Replacement x, Replacement y) {
            return Integer.compare(x.start(), y.start());
        }
    }

    /** Adds counts ({@code Integer::sum}). */
    private static final java.util.function.BiFunction<Integer, Integer, Integer> SUM = new Sum();

    private static final class Sum implements java.util.function.BiFunction<Integer, Integer, Integer> {
        @Override
        public Integer apply(Integer a, Integer b) {
            return a + b;
        }
    }

    /** A new synchronized map, whatever it is for. */
    private static final class NewMap<A, K, V> implements java.util.function.Function<A, Map<K, V>> {
        @Override
        public Map<K, V> apply(A ignored) {
            return Collections.synchronizedMap(new HashMap<>());
        }
    }

    private static final NewMap<YamlDocument, String, Uses> NEW_USES = new NewMap<>();
    private static final NewMap<ComposeFile, String, Map<String, Integer>> NEW_MODEL = new NewMap<>();

    /** The aliased anchors of a document, kept under {@link #ALIASES} beside the variables' uses. */
    private static final class Aliases implements java.util.function.Function<String, Uses> {
        private final YamlDocument doc;

        Aliases(YamlDocument doc) {
            this.doc = doc;
        }

        @Override
        public Uses apply(String ignored) {
            Uses a = new Uses();
            a.aliased = AliasedAnchors.of(doc);
            return a;
        }
    }

    /** A variable's uses in a document ({@link #compute}). */
    private static final class Compute implements java.util.function.Function<String, Uses> {
        private final YamlDocument doc;
        private final Set<String> aliased;

        Compute(YamlDocument doc, Set<String> aliased) {
            this.doc = doc;
            this.aliased = aliased;
        }

        @Override
        public Uses apply(String name) {
            return compute(doc, name, aliased);
        }
    }

    /** How many services of a project read each variable's node, by the node's position. */
    private static final class ModelReaders implements java.util.function.Function<String, Map<String, Integer>> {
        private final ComposeFile file;

        ModelReaders(ComposeFile file) {
            this.file = file;
        }

        @Override
        public Map<String, Integer> apply(String n) {
            Map<String, Integer> c = new HashMap<>();
            for (Service other : file.services()) {
                EnvironmentVariable v = other.environment().get(n);
                if (v != null && v.node() != null) {
                    YNode r = v.node().resolve();
                    c.merge(r.start().source() + "@" + r.start().offset(), 1, SUM);
                }
            }
            return c;
        }
    }
}
