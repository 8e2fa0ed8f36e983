package dev.composefix.yaml;

import dev.composefix.work.Workers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses a large text on every core. A file with 10,000 services is one long block mapping under
 * {@code services:}; its entries are cut into pieces at lines where an entry starts, each piece is
 * parsed on its own (a block mapping indented as the entries are), the rest of the file is parsed with
 * the entries taken out, and the nodes are put together, positioned as in the whole text.
 *
 * <p>The result is the tree, spans and comments that parsing the whole text gives, or nothing, and the
 * loader then parses the whole text (which also says where any error is). Pieces are cut only where
 * no construct can run across the cut: a line indented as the entries and starting a plain key ends
 * every block and plain scalar above it, and a quoted scalar or flow collection still open at a cut
 * leaves its piece unfinished, which fails to parse. What parses in pieces but could mean something
 * else whole is checked after: the key's value must be nothing in the rest of the file, each piece
 * one block mapping of entries at the entries' column, no key twice over the pieces, and no alias in
 * the rest of the file when a piece defines an anchor (an anchor in one piece is not seen by another,
 * whose alias then fails). Texts with document markers or directives are never cut.
 */
final class SplitParse {

    /** Texts shorter than this (in chars) are parsed whole: cutting pays only on large texts. */
    static final int FROM = 256 * 1024;
    /** The least a piece holds (in chars). */
    private static final int LEAST_PIECE = 32 * 1024;

    private SplitParse() {
    }

    /** The document {@code text} holds, parsed in pieces; null when it cannot be cut or a piece fails. */
    static YamlDocument parse(YamlLoader loader, String text, boolean bom, LineMap lines) {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores < 2 ? null : parse(loader, text, bom, lines, 2 * cores, LEAST_PIECE, 2);
    }

    /**
     * Like {@link #parse(YamlLoader, String, boolean, LineMap)}, cut into at most {@code pieces} of at least
     * {@code leastPiece} chars, when the region is at least a {@code share}th of the text (tests cut small
     * texts this way).
     */
    static YamlDocument parse(YamlLoader loader, String text, boolean bom, LineMap lines, int pieces,
            int leastPiece, int share) {
        if (loader.limits().maxDepth() <= 2) {
            return null;
        }
        Plan plan = Plan.find(text, lines, pieces, leastPiece);
        if (plan == null || plan.cuts.length < 2 || plan.end - plan.start < text.length() / share) {
            return null;
        }
        int cut = plan.cuts.length; // piece i runs from cuts[i] to cuts[i + 1] (the last to the region's end)
        YamlLoader.Part[] parts = new YamlLoader.Part[cut + 1];
        boolean[] failed = new boolean[1];
        Workers.eachIndex(cut + 1, i -> {
            try {
                parts[i] = i == 0 ? rest(loader, text, lines, plan) : piece(loader, text, lines, plan, i - 1);
            } catch (YamlException | RuntimeException | StackOverflowError e) {
                synchronized (failed) {
                    failed[0] = true;
                }
            }
        });
        synchronized (failed) {
            if (failed[0]) {
                return null;
            }
        }
        return join(loader.limits(), text, bom, lines, plan, parts);
    }

    /** The text less the region, parsed; its marks after the cut lie the region's length further on. */
    private static YamlLoader.Part rest(YamlLoader loader, String text, LineMap lines, Plan plan)
            throws YamlException {
        String rest = text.substring(0, plan.start) + text.substring(plan.end);
        int from = lines.codePointIndex(plan.start);
        YamlLoader.Shift shift = new YamlLoader.Shift(from, lines.codePointIndex(plan.end) - from);
        return loader.parsePart(rest, lines, shift, 0);
    }

    /** Piece {@code i} of the region, parsed; its collections lie two levels down in the whole text. */
    private static YamlLoader.Part piece(YamlLoader loader, String text, LineMap lines, Plan plan, int i)
            throws YamlException {
        int from = plan.cuts[i];
        int to = i + 1 < plan.cuts.length ? plan.cuts[i + 1] : plan.end;
        YamlLoader.Shift shift = new YamlLoader.Shift(0, lines.codePointIndex(from));
        return loader.parsePart(text.substring(from, to), lines, shift, 1);
    }

    /** The pieces put together, or null when they do not fit as the whole text's parse would have them. */
    private static YamlDocument join(YamlLimits limits, String text, boolean bom, LineMap lines, Plan plan,
            YamlLoader.Part[] parts) {
        YamlLoader.Part rest = parts[0];
        if (!(rest.root() instanceof YMapping root) || root.flow()) {
            return null;
        }
        int at = -1;
        List<YEntry> entries = root.entries();
        for (int i = 0; i < entries.size(); i++) {
            YNode key = entries.get(i).key();
            if (key.start().line() == plan.keyLine && key.start().column() == 1) {
                at = i;
            }
        }
        if (at < 0 || !(entries.get(at).key() instanceof YScalar key) || key.style() != YScalar.Style.PLAIN
                || !(entries.get(at).value() instanceof YScalar empty) || !empty.isNull()
                || !empty.value().isEmpty() || empty.anchor() != null || empty.tag() != null) {
            return null; // the cut-out key is not a key of the top-level mapping whose value is the region
        }
        List<YEntry> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long weight = 1;
        long keys = rest.keys();
        boolean anchors = false;
        List<YComment> comments = new ArrayList<>(rest.comments());
        for (int i = 1; i < parts.length; i++) {
            YamlLoader.Part p = parts[i];
            if (!(p.root() instanceof YMapping m) || m.flow() || m.anchor() != null || m.tag() != null
                    || m.entries().isEmpty()) {
                return null;
            }
            for (YEntry e : m.entries()) {
                if (e.key().span().startColumn() != plan.indent + 1
                        || e.key().resolve() instanceof YScalar s && !names.add(s.value())) {
                    return null; // not an entry of the region's mapping, or a key twice
                }
                all.add(e);
            }
            weight = YamlLoader.saturatingAdd(weight, m.weight() - 1);
            keys += p.keys();
            anchors |= p.anchors();
            comments.addAll(p.comments());
        }
        if (anchors && rest.aliases() || keys > limits.maxKeys() || weight > limits.maxExpandedNodes()) {
            return null;
        }
        YMapping region = new YMapping(all, false, new Span(all.get(0).key().start(), all.get(all.size() - 1).value().end()),
                null, null, weight);
        List<YEntry> top = new ArrayList<>(entries);
        top.set(at, new YEntry(top.get(at).key(), region));
        long rootWeight = YamlLoader.saturatingAdd(root.weight() - empty.weight(), weight);
        if (rootWeight > limits.maxExpandedNodes()) {
            return null;
        }
        Position end = at == top.size() - 1 ? region.end() : root.end();
        YMapping joined = new YMapping(top, false, new Span(root.start(), end), root.anchor(), root.tag(), rootWeight);
        comments.sort(Comparator.comparingInt(c -> c.span().start().offset()));
        return new YamlDocument(text, bom, joined, comments, lines);
    }

    /**
     * Where to cut: the region of a top-level key's block mapping (from the line of its first entry to
     * the first line after it that is not blank, not a comment and less indented), the column its
     * entries start at ({@code indent} spaces), and where each piece starts (char offsets of lines).
     */
    private record Plan(int keyLine, int indent, int start, int end, int[] cuts) {

        /** The plan for the largest such region, cut into at most {@code pieces}; null when the text has none. */
        static Plan find(String text, LineMap lines, int pieces, int leastPiece) {
            int n = lines.lineCount();
            for (int i = 1; i <= n; i++) {
                int s = lines.lineStart(i);
                if (s < text.length() && (text.charAt(s) == '%' || text.startsWith("---", s) || text.startsWith("...", s))) {
                    return null; // a directive or a document marker: one document at a time is not for cutting
                }
            }
            Plan best = null;
            for (int i = 1; i <= n; i++) {
                if (!keyLine(text, lines.lineStart(i), lines.lineEnd(i))) {
                    continue;
                }
                int first = i + 1;
                while (first <= n && blankOrComment(text, lines.lineStart(first), lines.lineEnd(first))) {
                    first++;
                }
                if (first > n) {
                    break;
                }
                int indent = indent(text, lines.lineStart(first), lines.lineEnd(first));
                if (indent == 0 || !entryStart(text, lines.lineStart(first) + indent, lines.lineEnd(first))) {
                    i = first - 1;
                    continue;
                }
                int[] entries = new int[16];
                int count = 0;
                int line = first;
                for (; line <= n; line++) {
                    int ls = lines.lineStart(line);
                    int le = lines.lineEnd(line);
                    if (blankOrComment(text, ls, le)) {
                        continue;
                    }
                    int in = indent(text, ls, le);
                    if (in < indent) {
                        break;
                    }
                    if (ls + in < le && text.charAt(ls + in) == '?') {
                        return null; // an explicit key: its empty value would be placed at a piece's end
                    }
                    if (in == indent && entryStart(text, ls + in, le)) {
                        if (count == entries.length) {
                            entries = java.util.Arrays.copyOf(entries, count * 2);
                        }
                        entries[count++] = ls;
                    }
                }
                if (line <= n && indent(text, lines.lineStart(line), lines.lineEnd(line)) != 0) {
                    return null; // the region ends at a line indented less, but not at the top level
                }
                int start = lines.lineStart(first);
                int end = line <= n ? lines.lineStart(line) : text.length();
                if (best == null || end - start > best.end - best.start) {
                    best = new Plan(i, indent, start, end,
                            cuts(entries, count, start, end, pieces, leastPiece));
                }
                i = line - 1;
            }
            return best;
        }

        /** Piece starts among the entry lines, the pieces about equally long and none under {@code least} chars. */
        private static int[] cuts(int[] entries, int count, int start, int end, int pieces, int least) {
            int want = Math.max(1, Math.min(pieces, (end - start) / least));
            long each = (end - start) / (long) want;
            int[] cuts = new int[want];
            int made = 0;
            cuts[made++] = start;
            for (int k = 1; k < count && made < want; k++) {
                if (entries[k] - cuts[made - 1] >= each) {
                    cuts[made++] = entries[k];
                }
            }
            return java.util.Arrays.copyOf(cuts, made);
        }

        /** A top-level plain key with nothing after its colon but blanks and a comment. */
        private static boolean keyLine(String text, int from, int to) {
            if (from >= to || !keyChar(text.charAt(from))) {
                return false;
            }
            int i = from;
            while (i < to && (keyChar(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == '-')) {
                i++;
            }
            if (i >= to || text.charAt(i) != ':') {
                return false;
            }
            for (i++; i < to; i++) {
                char c = text.charAt(i);
                if (c == '#' && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                    return true;
                }
                if (c != ' ' && c != '\t') {
                    return false;
                }
            }
            return true;
        }

        /** Whether the line from {@code at} starts a plain key (a letter, digit or underscore). */
        private static boolean entryStart(String text, int at, int to) {
            return at < to && keyChar(text.charAt(at));
        }

        private static boolean keyChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }

        private static boolean blankOrComment(String text, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c != ' ' && c != '\t') {
                    return c == '#';
                }
            }
            return true;
        }

        /** How many spaces the line starts with. */
        private static int indent(String text, int from, int to) {
            int i = from;
            while (i < to && text.charAt(i) == ' ') {
                i++;
            }
            return i - from;
        }
    }
}
