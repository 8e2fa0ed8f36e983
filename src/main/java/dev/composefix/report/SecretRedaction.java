package dev.composefix.report;

import dev.composefix.model.Interpolator;
import dev.composefix.model.RegexChars;
import dev.composefix.model.Secrets;
import dev.composefix.yaml.YAlias;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The redaction reports use: hides the secrets {@link Secrets} recognises. Three passes over each text:
 * every secret value found in the run's files (written under a secret name, or shaped like a
 * credential) is replaced wherever it appears; {@code NAME: value} and {@code NAME=value} with a secret
 * name have their value replaced (this covers quoted lines of files that did not parse); and whatever
 * is shaped like a credential is replaced. The mask is {@value #MASK}.
 */
public final class SecretRedaction implements Redaction {

    public static final String MASK = "***";

    /** Values shorter than this are masked only beside their name: replacing them everywhere would hide too much. */
    private static final int SHORTEST_ANYWHERE = 4;

    /**
     * The secret values by their first {@value #SHORTEST_ANYWHERE} characters packed into a long, longest
     * first, and those keys sorted: a text is scanned once, whatever the number of values (a run over
     * thousands of files collects many, and trying each one on every message and quoted line made
     * reports quadratic).
     */
    private final Map<Long, List<String>> byPrefix;
    private final long[] prefixes;
    /** Texts already masked: a report quotes the same lines and messages many times. */
    private final Map<String, String> masked = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Edit lists already judged, by identity: one plan's edits (staggered intervals, budgeted limits) are
     * shared by the fixes of every finding the plan answers, and checking its thousands of edits again
     * for each finding made the report of a large stack quadratic.
     */
    private final Map<List<dev.composefix.fix.TextEdit>, Boolean> revealing =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    /** Edit lists shorter than this are checked each time: most fixes have a few edits of their own. */
    private static final int SHARED_EDITS = 8;

    private SecretRedaction(Collection<String> values) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(LONGEST_FIRST);
        Map<Long, List<String>> index = new HashMap<>();
        for (String v : sorted) {
            Long k = key(v, 0);
            List<String> same = index.get(k);
            if (same == null) {
                same = new ArrayList<>();
                index.put(k, same);
            }
            same.add(v);
        }
        this.byPrefix = index;
        long[] keys = new long[index.size()];
        int n = 0;
        for (Long k : index.keySet()) {
            keys[n++] = k;
        }
        java.util.Arrays.sort(keys);
        this.prefixes = keys;
    }

    /** Longer strings first. */
    private static final Comparator<String> LONGEST_FIRST = new LongestFirst();

    /** Longer strings first (a class rather than a lambda, which a start would have to link). */
    private static final class LongestFirst implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            return Integer.compare(b.length(), a.length());
        }
    }

    private static long key(String text, int at) {
        long k = 0;
        for (int i = at; i < at + SHORTEST_ANYWHERE; i++) {
            k = k << 16 | text.charAt(i);
        }
        return k;
    }

    /** Masks what looks like a secret by its name or shape, and nothing file-specific. */
    public static SecretRedaction generic() {
        return new SecretRedaction(List.of());
    }

    /** Masks, besides what {@link #generic()} does, every secret value written in {@code documents}. */
    public static SecretRedaction of(Collection<YamlDocument> documents) {
        return ofValues(values(documents));
    }

    /**
     * Masks, besides what {@link #generic()} does, every one of {@code values} (as {@link #values} finds
     * them): a run over many files collects each file's values as it goes and keeps no trees.
     */
    public static SecretRedaction ofValues(Collection<String> values) {
        return new SecretRedaction(values);
    }

    /** The secret values written in {@code documents}, each line of them that is long enough to mask anywhere. */
    public static Set<String> values(Collection<YamlDocument> documents) {
        Set<String> found = new LinkedHashSet<>();
        for (YamlDocument doc : documents) {
            collect(doc.root(), found);
        }
        Set<String> values = new LinkedHashSet<>();
        for (String v : found) {
            // Line by line, at each line break \\R matches (a regular expression compiled for every value was a
            // cost of every start with one).
            int from = 0;
            for (int i = 0; i <= v.length(); i++) {
                char c = i < v.length() ? v.charAt(i) : '\n';
                if (RegexChars.lineTerminator(c) || c == '\u000B' || c == '\f') {
                    String line = v.substring(from, i).strip();
                    if (line.length() >= SHORTEST_ANYWHERE) {
                        values.add(line);
                    }
                    from = i + 1;
                }
            }
        }
        return values;
    }

    private static void collect(YNode root, Set<String> out) {
        // Each scalar is looked at where its mapping or sequence is (not pushed and popped again), and in one
        // pass of Secrets.pieces where it is asked both whether it names a secret and what credentials it holds.
        Deque<YNode> todo = new ArrayDeque<>();
        if (root != null) {
            todo.push(root);
        }
        while (!todo.isEmpty()) {
            YNode n = todo.pop();
            if (n instanceof YMapping m) {
                List<YEntry> entries = m.entries();
                for (int i = 0, size = entries.size(); i < size; i++) { // no iterator for each mapping
                    YEntry e = entries.get(i);
                    YNode key = e.key();
                    YNode value = e.value();
                    // The scalar the value is or resolves to (an alias's anchor), else null.
                    String scalar = value != null && value.resolve() instanceof YScalar v ? v.value() : null;
                    if (key instanceof YScalar k) {
                        key(k.value(), scalar, out);
                    } else {
                        if (scalar != null && Secrets.secretName(e.keyText())) {
                            secretValue(scalar, out);
                        }
                        push(todo, key);
                    }
                    if (value instanceof YScalar s) {
                        credentials(s.value(), out);
                    } else {
                        push(todo, value);
                    }
                }
            } else if (n instanceof YSequence q) {
                List<YNode> items = q.items();
                for (int i = 0, size = items.size(); i < size; i++) {
                    YNode item = items.get(i);
                    if (item instanceof YScalar s) {
                        item(s.value(), out);
                    } else {
                        push(todo, item);
                    }
                }
            } else if (n instanceof YScalar s) {
                credentials(s.value(), out); // the root
            }
        }
    }

    /** Pushes a node to visit, but not an alias: its anchor is visited where it is written. */
    private static void push(Deque<YNode> todo, YNode n) {
        if (n != null && !(n instanceof YAlias)) {
            todo.push(n);
        }
    }

    /**
     * A scalar key, with the scalar its value is (or resolves to), else null: the value when the key names a
     * secret, and the key's own credentials (a key is a scalar but in odd files). Asked both, the key is
     * read once.
     */
    private static void key(String key, String value, Set<String> out) {
        if (value == null) {
            credentials(key, out);
            return;
        }
        int pieces = Secrets.pieces(key);
        if (Secrets.secretName(key, pieces)) {
            secretValue(value, out);
        }
        credentials(key, pieces, out);
    }

    /** A scalar item of a sequence: its value when it is {@code NAME=value} with a secret name, and its credentials. */
    private static void item(String text, Set<String> out) {
        int pieces = Secrets.pieces(text);
        // A name that may name a secret leaves its piece in the whole text: without one, no '=' is looked for.
        if (Secrets.mayNameSecret(pieces)) {
            int eq = text.indexOf('=');
            if (eq > 0 && Secrets.secretName(text.substring(0, eq))) {
                secretValue(text.substring(eq + 1), out);
            }
        }
        credentials(text, pieces, out);
    }

    private static void secretValue(String value, Set<String> out) {
        if (Secrets.secretValue(value)) {
            out.add(value);
        }
    }

    private static void credentials(String value, Set<String> out) {
        found(value, Secrets.credentials(value), out);
    }

    private static void credentials(String value, int pieces, Set<String> out) {
        found(value, Secrets.credentials(value, pieces), out);
    }

    private static void found(String value, List<int[]> found, Set<String> out) {
        for (int i = 0; i < found.size(); i++) { // most find none: no iterator for them
            out.add(value.substring(found.get(i)[0], found.get(i)[1]));
        }
    }

    @Override
    public boolean reveals(List<dev.composefix.fix.TextEdit> edits) {
        if (edits.size() < SHARED_EDITS) {
            return Redaction.super.reveals(edits); // a fix's own few edits: checked, not kept by identity
        }
        Boolean known = revealing.get(edits);
        if (known == null) {
            known = Redaction.super.reveals(edits);
            revealing.put(edits, known);
        }
        return known;
    }

    @Override
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        if (prefixes.length == 0) {
            int pieces = Secrets.pieces(text);
            if (!Secrets.maySecret(pieces)) {
                // No values to look for, and neither a secret name nor a credential's fixed piece: nothing to
                // mask, found in one pass, and nothing worth keeping (most texts: a cache lookup would hash them).
                return text;
            }
            if (text.length() > 4096) {
                return maskNow(text, pieces); // not kept: few repeat, and they would hold memory
            }
            return kept(text, masked.computeIfAbsent(text, new MaskNow(this, pieces)));
        }
        if (text.length() > 4096) {
            return maskNow(text, -1);
        }
        return kept(text, masked.computeIfAbsent(text, new MaskNow(this, -1)));
    }

    /**
     * What the cache keeps for a text masking leaves as it is (its key is that text already): asked again with
     * an equal text, the caller gets its own string back, so {@link #reveals(String)} compares it by identity
     * rather than character by character.
     */
    private static final String UNCHANGED = new String(new char[] {'='});

    /** The masked text the cache gave for {@code text}. */
    private static String kept(String text, String cached) {
        return cached == UNCHANGED ? text : cached;
    }

    /**
     * {@link #maskNow} with the pieces given, as the cache computes a text it has not kept (a class rather than a
     * lambda, which a start would have to link).
     */
    private static final class MaskNow implements java.util.function.Function<String, String> {
        private final SecretRedaction redaction;
        private final int pieces;

        MaskNow(SecretRedaction redaction, int pieces) {
            this.redaction = redaction;
            this.pieces = pieces;
        }

        @Override
        public String apply(String text) {
            String out = redaction.maskNow(text, pieces);
            return out == text ? UNCHANGED : out;
        }
    }

    /** Masks {@code text}, whose {@link Secrets#pieces} are given when known (else -1). */
    private String maskNow(String text, int known) {
        String out = maskValues(text);
        int pieces = out == text && known >= 0 ? known : Secrets.pieces(out);
        if (out == text && prefixes.length != 0 && !Secrets.maySecret(pieces)) {
            return text; // one pass rules out both passes below
        }
        String assigned = maskAssignments(out, pieces);
        // The pieces of the text are those of what the passes are given, while they change nothing.
        List<int[]> ranges = assigned == out ? Secrets.credentials(out, pieces) : Secrets.credentials(assigned);
        out = assigned;
        if (!ranges.isEmpty()) {
            StringBuilder b = new StringBuilder();
            int at = 0;
            ranges.sort(BY_START);
            for (int[] r : ranges) {
                if (r[0] < at) {
                    continue;
                }
                b.append(out, at, r[0]).append(MASK);
                at = r[1];
            }
            out = b.append(out.substring(at)).toString();
        }
        return out;
    }

    /** Ranges by their start. */
    private static final Comparator<int[]> BY_START = new ByStart();

    /** Ranges by their start (a class rather than a lambda, which a start would have to link). */
    private static final class ByStart implements Comparator<int[]> {
        @Override
        public int compare(int[] a, int[] b) {
            return Integer.compare(a[0], b[0]);
        }
    }

    /** Replaces every occurrence of a collected value, the longest one where several start at a place. */
    private String maskValues(String text) {
        if (prefixes.length == 0 || text.length() < SHORTEST_ANYWHERE) {
            return text;
        }
        StringBuilder b = null;
        int copied = 0;
        long k = key(text, 0) >>> 16; // the first three characters; each step shifts the next one in
        int i = 0;
        while (i + SHORTEST_ANYWHERE <= text.length()) {
            k = (k << 16 | text.charAt(i + SHORTEST_ANYWHERE - 1)) & 0xFFFF_FFFF_FFFF_FFFFL;
            String hit = null;
            if (java.util.Arrays.binarySearch(prefixes, k) >= 0) {
                for (String v : byPrefix.get(k)) {
                    if (text.startsWith(v, i)) {
                        hit = v;
                        break;
                    }
                }
            }
            if (hit == null) {
                i++;
                continue;
            }
            if (b == null) {
                b = new StringBuilder(text.length());
            }
            b.append(text, copied, i).append(MASK);
            i += hit.length();
            copied = i;
            if (i + SHORTEST_ANYWHERE <= text.length()) {
                k = key(text, i) >>> 16;
            }
        }
        return b == null ? text : b.append(text, copied, text.length()).toString();
    }

    /** A plain value up to a closing brace that is not part of a ${...} reference (the end of a flow mapping). */
    private static String plain(String value) {
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '$' && i + 1 < value.length() && value.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                if (depth == 0) {
                    return value.substring(0, i);
                }
                depth--;
            }
        }
        return value;
    }

    static String maskAssignments(String text, int pieces) {
        if (!Secrets.mayNameSecret(pieces) || !Secrets.mayAssignSecretName(text)) {
            // No secret word in a name before a ':' or '=': whatever the pattern finds is not masked
            // (messages often hold a secret word and a colon, seldom the one before the other).
            return text;
        }
        // What the expression
        // (?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_.-]{0,127})(["']?\s*[:=]\s*)("[^"]*"?|'[^']*'?|[^\s#,\]"']+)
        // finds, one match after another, read by hand: compiled and run interpreted, it was most of what a
        // one-file report spent masking (AssignmentMaskTest holds the two to the same masks). Its parts
        // cannot give back what they took (a name is followed by none of its own characters, a value starts
        // with none of the white space before it), so a match is found without trying shorter ones.
        StringBuilder b = null;
        int at = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Interpolator.isNameStart(text.charAt(i)) || i > 0 && nameChar(text.charAt(i - 1))) {
                i++;
                continue;
            }
            int nameEnd = i + 1;
            while (nameEnd < n && nameChar(text.charAt(nameEnd))) {
                nameEnd++;
            }
            int valueStart = nameEnd - i > 128 ? -1 : separatorEnd(text, nameEnd); // a longer name never matches
            int valueEnd = valueStart < 0 ? -1 : valueEnd(text, valueStart);
            if (valueEnd < 0) {
                i = nameEnd; // no match starts inside the name either: a name character precedes each place
                continue;
            }
            String name = text.substring(i, nameEnd);
            String value = text.substring(valueStart, valueEnd);
            i = valueEnd; // the next match starts after this one
            char q = value.charAt(0);
            boolean quoted = q == '"' || q == '\'';
            String inner = quoted ? value.substring(1, value.length() > 1 && value.endsWith(String.valueOf(q))
                    ? value.length() - 1 : value.length()) : plain(value);
            if (inner.equals(MASK) || !Secrets.secretName(name) || !Secrets.secretValue(inner)) {
                continue;
            }
            if (b == null) {
                b = new StringBuilder();
            }
            int from = quoted ? valueStart + 1 : valueStart;
            b.append(text, at, from).append(MASK);
            at = from + inner.length();
        }
        return b == null ? text : b.append(text.substring(at)).toString();
    }

    /** A character of a name: {@code [A-Za-z0-9_.-]}. */
    private static boolean nameChar(char c) {
        return Interpolator.isNamePart(c) || c == '.' || c == '-';
    }

    /** Where the value starts after {@code ["']?\\s*[:=]\\s*} from {@code at}, or -1 when that is not there. */
    private static int separatorEnd(String text, int at) {
        int n = text.length();
        int p = at;
        if (p < n && (text.charAt(p) == '"' || text.charAt(p) == '\'')) {
            p++;
        }
        while (p < n && RegexChars.space(text.charAt(p))) {
            p++;
        }
        if (p == n || text.charAt(p) != ':' && text.charAt(p) != '=') {
            return -1;
        }
        p++;
        while (p < n && RegexChars.space(text.charAt(p))) {
            p++;
        }
        return p;
    }

    /**
     * Where a value starting at {@code at} ends, as {@code "[^"]*"?|'[^']*'?|[^\\s#,\\]"']+} takes it, or -1 when
     * none starts there.
     */
    private static int valueEnd(String text, int at) {
        int n = text.length();
        if (at == n) {
            return -1;
        }
        char c = text.charAt(at);
        if (c == '"' || c == '\'') {
            int close = text.indexOf(c, at + 1);
            return close < 0 ? n : close + 1;
        }
        int p = at;
        while (p < n) {
            char d = text.charAt(p);
            if (RegexChars.space(d) || d == '#' || d == ',' || d == ']' || d == '"' || d == '\'') {
                break;
            }
            p++;
        }
        return p > at ? p : -1;
    }
}
