package dev.composefix.fix;

import dev.composefix.yaml.LineMap;
import dev.composefix.yaml.Span;
import dev.composefix.yaml.YAlias;
import dev.composefix.yaml.YEntry;
import dev.composefix.yaml.YMapping;
import dev.composefix.yaml.YNode;
import dev.composefix.yaml.YScalar;
import dev.composefix.yaml.YSequence;
import dev.composefix.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * YAML-aware text edits at node positions, in the file's own style: the indentation of the block
 * being edited (or the file's indentation unit for new blocks), its sequence indentation, its
 * preferred quotes, and its line endings. Nothing here re-serializes the document; every edit
 * replaces or inserts a small range, so bytes no fix means to change stay identical.
 *
 * <p>Values inherited through an alias or merge key are never edited where they are defined (that
 * would change every other user of the anchor): {@link #put} writes an override under the mapping
 * being fixed instead.
 */
public final class YamlEditor {

    private final YamlDocument doc;
    private final String text;
    private final LineMap lines;
    /**
     * The file's line ending and habits, found when an edit first needs them (a lint makes an editor for
     * every file a rule may fix, and most edits need neither): immutable once found, so a thread that finds
     * them again finds the same.
     */
    private String eol;
    private Style style;

    public YamlEditor(YamlDocument doc) {
        this.doc = doc;
        this.text = doc.text();
        this.lines = doc.lines();
    }

    private String eol() {
        String e = eol;
        if (e == null) {
            // A "\r\n" starts with a carriage return, which the line map found (or not) already.
            boolean noReturn = lines != null && lines.text() == text && lines.firstUnusual() < 0;
            e = !noReturn && text.contains("\r\n") ? "\r\n" : "\n";
            eol = e;
        }
        return e;
    }

    private Style style() {
        Style s = style;
        if (s == null) {
            s = Style.of(doc);
            style = s;
        }
        return s;
    }

    public YamlDocument document() {
        return doc;
    }

    /** The file's line ending: {@code \r\n} when it uses CRLF, else {@code \n}. */
    public String lineEnding() {
        return eol();
    }

    // ---------------------------------------------------------------- scalars

    /** Replaces a scalar's value, keeping its quoting style where the new value allows it. */
    public TextEdit replaceScalar(YScalar s, String value) {
        String written = switch (s.style()) {
            case PLAIN -> plainSafe(value) ? value : quote(value, style().quote());
            case SINGLE_QUOTED -> quote(value, '\'');
            case DOUBLE_QUOTED -> quote(value, '"');
            default -> quote(value, '"');
        };
        return edit(s.start().offset(), s.end().offset(), written);
    }

    /** Replaces a scalar with YAML text written as given (a number, say), keeping nothing of its style. */
    public TextEdit replaceRaw(YNode node, String yaml) {
        return edit(node.start().offset(), node.end().offset(), yaml);
    }

    // ---------------------------------------------------------------- mappings

    /**
     * Sets {@code path} below the (editable, own) mapping {@code m} to {@code value}, creating the
     * mappings on the way; see {@link #merge}.
     */
    public List<TextEdit> put(YMapping m, List<String> path, Fragment value) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        return merge(m, (Fragment.Mapping) Fragment.nested(path, value));
    }

    /**
     * Deep-merges {@code tree} into the (editable, own) mapping {@code m}: an existing own
     * sub-mapping is edited in place, keys missing at one level are inserted together, a leaf
     * replaces the value there, and a key inherited through a merge key or an alias becomes an own
     * key that merges from the same anchor (or copies the inherited content when it has no anchor)
     * plus the new values, so the anchor itself and its other users are untouched.
     */
    public List<TextEdit> merge(YMapping m, Fragment.Mapping tree) {
        List<TextEdit> edits = new ArrayList<>();
        Fragment.Mapping absent = Fragment.mapping();
        for (Map.Entry<String, Fragment> t : tree.entries().entrySet()) {
            String key = t.getKey();
            Fragment value = t.getValue();
            YEntry own = m.own(key);
            if (own != null) {
                YNode v = own.value();
                if (value instanceof Fragment.Mapping sub) {
                    if (v instanceof YMapping child) {
                        edits.addAll(merge(child, sub));
                    } else if (v instanceof YAlias alias && alias.resolve() instanceof YMapping target) {
                        edits.add(replaceValue(m, own, override(target, alias.name(), sub)));
                    } else if (v instanceof YScalar s && s.isNull()) {
                        edits.add(replaceValue(m, own, sub));
                    } else {
                        throw new IllegalArgumentException("'" + key + "' is not a mapping");
                    }
                } else if (v instanceof YScalar s && !s.isNull() && value instanceof Fragment.Text text
                        && text.kind() == Fragment.Text.Kind.STRING) {
                    edits.add(replaceScalar(s, text.value()));
                } else {
                    edits.add(replaceValue(m, own, value));
                }
                continue;
            }
            YEntry inherited = m.get(key);
            if (inherited != null && value instanceof Fragment.Mapping sub
                    && inherited.value().resolve() instanceof YMapping target) {
                absent.entries().put(key, override(target, anchorOf(inherited.value()), sub));
            } else {
                absent.entries().put(key, value);
            }
        }
        if (!absent.entries().isEmpty()) {
            edits.add(insertAll(m, absent));
        }
        return coalesce(edits);
    }

    /**
     * Joins insertions at the same place into one, in order: a mapping's last child ends where the
     * mapping ends, so lines for the child and lines for the mapping land at the same offset, the
     * child's (deeper) first.
     */
    private static List<TextEdit> coalesce(List<TextEdit> edits) {
        List<TextEdit> out = new ArrayList<>();
        for (TextEdit e : edits) {
            TextEdit same = null;
            for (int i = 0; i < out.size() && same == null; i++) {
                TextEdit o = out.get(i);
                if (o.start() == o.end() && e.start() == e.end() && o.start() == e.start()
                        && java.util.Objects.equals(o.source(), e.source())) {
                    same = o;
                    out.set(i, new TextEdit(o.start(), o.end(), o.text() + e.text(), o.source()));
                }
            }
            if (same == null) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * What to write as an own key overriding the inherited mapping {@code target} with the values
     * of {@code sub}: merge from its anchor (or copy its other members), recursively.
     */
    private Fragment.Mapping override(YMapping target, String anchor, Fragment.Mapping sub) {
        Fragment.Mapping out = anchor != null ? new Fragment.Mapping(List.of(anchor), Map.of()) : Fragment.mapping();
        if (anchor == null) {
            for (YEntry e : target.members()) {
                if (!sub.entries().containsKey(e.keyText())) {
                    out.entries().put(e.keyText(), new Fragment.Copy(e.value()));
                }
            }
        }
        for (Map.Entry<String, Fragment> t : sub.entries().entrySet()) {
            YEntry e = target.get(t.getKey());
            if (t.getValue() instanceof Fragment.Mapping deeper && e != null
                    && e.value().resolve() instanceof YMapping inner) {
                out.entries().put(t.getKey(), override(inner, anchorOf(e.value()), deeper));
            } else {
                out.entries().put(t.getKey(), t.getValue());
            }
        }
        return out;
    }

    private static String anchorOf(YNode node) {
        if (node instanceof YAlias a) {
            return a.name();
        }
        return node.anchor();
    }

    /** Adds {@code key: value} at the end of mapping {@code m}. */
    public TextEdit insert(YMapping m, String key, Fragment value) {
        return insertAll(m, Fragment.mapping(key, value));
    }

    /** Adds the entries of {@code entries} at the end of mapping {@code m}, in one edit. */
    public TextEdit insertAll(YMapping m, Fragment.Mapping entries) {
        if (m.flow()) {
            int close = m.end().offset() - 1;
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Fragment> e : entries.entries().entrySet()) {
                parts.add(e.getKey() + ": " + flow(e.getValue()));
            }
            String sep = m.entries().isEmpty() ? "" : ", ";
            return insertText(close, sep + String.join(", ", parts));
        }
        int column = m.entries().get(0).key().start().column() - 1;
        int at = afterLineOf(lastEnd(m));
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Fragment> e : entries.entries().entrySet()) {
            entry(b, column, e.getKey(), e.getValue());
        }
        TextEdit lines = lineInsert(at, b.toString());
        return new TextEdit(lines.start(), lines.end(), lines.text(), lines.source(),
                new TextEdit.Entries(column, entries.entries().keySet()));
    }

    /** Replaces the value of {@code entry} (an own entry of {@code m}) with {@code value}. */
    public TextEdit replaceValue(YMapping m, YEntry entry, Fragment value) {
        YNode v = entry.value();
        boolean empty = v instanceof YScalar s && s.isNull() && s.start().offset() == s.end().offset();
        int keyLine = entry.key().start().line();
        if (m.flow() || isInline(value)) {
            String rendered = m.flow() ? flow(value) : inline(value);
            if (empty) {
                return insertText(colonEnd(entry), " " + rendered);
            }
            boolean endsAtLineStart = v.end().offset() > 0 && text.charAt(v.end().offset() - 1) == '\n';
            return edit(v.start().offset(), v.end().offset(), rendered + (endsAtLineStart ? eol() : ""));
        }
        StringBuilder b = new StringBuilder();
        block(b, childColumn(entry.key().start().column() - 1, value), value);
        if (empty) {
            return lineInsert(afterLineOf(lines.lineEnd(keyLine)), b.toString());
        }
        if (v.start().line() == keyLine && v.end().line() == keyLine) {
            // An alias, a null or a flow collection after the colon: the block goes on the lines
            // below, and a comment after the value stays on the key's line.
            int from = v.start().offset();
            while (from > colonEnd(entry) && text.charAt(from - 1) == ' ') {
                from--;
            }
            int keyLineEnd = lines.lineEnd(keyLine);
            String after = text.substring(v.end().offset(), keyLineEnd);
            return edit(from, keyLineEnd, after + eol() + strip(b.toString()));
        }
        throw new IllegalArgumentException("cannot replace the multi-line value of '" + entry.keyText() + "'");
    }

    /**
     * Turns a sequence of scalars into a mapping with one key per item (the long form of
     * {@code depends_on}), item by item, so comments beside the items stay where they are.
     */
    public List<TextEdit> sequenceToMapping(YMapping parent, YEntry entry, Map<String, Fragment> values) {
        YSequence seq = (YSequence) entry.value();
        if (seq.flow() || parent.flow()) {
            Fragment.Mapping m = Fragment.mapping();
            m.entries().putAll(values);
            String rendered = parent.flow() ? flow(m) : flow(m);
            return List.of(edit(seq.start().offset(), seq.end().offset(), rendered));
        }
        List<TextEdit> edits = new ArrayList<>();
        for (YNode item : seq.items()) {
            YScalar s = (YScalar) item.resolve();
            Fragment f = values.get(s.value());
            int dash = text.lastIndexOf('-', item.start().offset() - 1);
            int dashColumn = dash - lines.lineStart(item.start().line());
            // An indentless sequence (its dashes at the key's own column) is legal YAML, but a mapping
            // there would belong to the parent: its keys go one step deeper than the key.
            int keyColumn = entry.key().start().column() - 1;
            int column = Math.max(dashColumn, keyColumn + 2);
            StringBuilder b = new StringBuilder();
            entry(b, column, s.value(), f);
            String first = " ".repeat(column - dashColumn) + b.substring(column, b.indexOf("\n"));
            String more = b.substring(b.indexOf("\n") + 1);
            edits.add(edit(dash, item.end().offset(), first));
            if (!more.isEmpty()) {
                TextEdit nested = lineInsert(afterLineOf(item.end().offset()), more);
                // The lines of the item's new mapping: where the list ends its block, a fix adding a key
                // further out at the same point (a new deploy block) goes after them, in the same pass.
                int nestedColumn = more.length() - more.stripLeading().length();
                edits.add(f instanceof Fragment.Mapping m && more.indexOf('\n') == more.length() - 1
                        ? new TextEdit(nested.start(), nested.end(), nested.text(), nested.source(),
                                new TextEdit.Entries(nestedColumn, m.entries().keySet()))
                        : nested);
            }
        }
        return edits;
    }

    /** Removes an own entry of a block mapping with its whole line(s), or of a flow mapping with its comma. */
    public TextEdit removeEntry(YMapping m, YEntry entry) {
        if (m.flow()) {
            List<YEntry> es = m.entries();
            int i = es.indexOf(entry);
            int start = entry.key().start().offset();
            int end = entry.value().end().offset();
            if (i + 1 < es.size()) {
                end = es.get(i + 1).key().start().offset();
            } else if (i > 0) {
                start = es.get(i - 1).value().end().offset();
            }
            return deleteText(start, end);
        }
        int line = entry.key().start().line();
        int lineStart = lines.lineStart(line);
        if (!text.substring(lineStart, entry.key().start().offset()).isBlank()) {
            throw new IllegalArgumentException("'" + entry.keyText() + "' does not start its line");
        }
        int end = afterLineOf(lastEnd(entry.value()));
        return deleteText(lineStart, end);
    }

    // ---------------------------------------------------------------- sequences

    /** Appends items to a block or flow sequence, in one edit. */
    public TextEdit appendAll(YSequence seq, List<Fragment> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("nothing to append");
        }
        if (seq.flow() || seq.items().isEmpty()) {
            if (!seq.flow()) {
                throw new IllegalArgumentException("an empty block sequence has no place for items");
            }
            List<String> parts = new ArrayList<>();
            for (Fragment item : items) {
                parts.add(flow(item));
            }
            int close = seq.end().offset() - 1;
            return insertText(close, (seq.items().isEmpty() ? "" : ", ") + String.join(", ", parts));
        }
        YNode first = seq.items().get(0);
        int dash = lines.lineStart(first.start().line());
        int column = 0;
        while (dash + column < text.length() && text.charAt(dash + column) == ' ') {
            column++;
        }
        StringBuilder b = new StringBuilder();
        for (Fragment item : items) {
            item(b, column, item);
        }
        TextEdit lines = lineInsert(afterLineOf(lastEnd(seq)), b.toString());
        return new TextEdit(lines.start(), lines.end(), lines.text(), lines.source(), TextEdit.Entries.items(column));
    }

    /** Appends an item to a block or flow sequence. */
    public TextEdit append(YSequence seq, Fragment item) {
        return appendAll(seq, List.of(item));
    }

    // ---------------------------------------------------------------- rendering

    /** Writes {@code key: value} lines at {@code column}, with '\n' line ends (converted on insert). */
    private void entry(StringBuilder b, int column, String key, Fragment value) {
        indent(b, column).append(key).append(':');
        if (value instanceof Fragment.Text f && f.kind() == Fragment.Text.Kind.FOLDED) {
            b.append(" >-\n");
            foldedLines(b, column + style().unit(), f);
            return;
        }
        if (isInline(value)) {
            String text = inline(value);
            b.append(text.isEmpty() ? "" : " ").append(text).append('\n');
        } else {
            b.append('\n');
            block(b, childColumn(column, value), value);
        }
    }

    private int childColumn(int column, Fragment value) {
        boolean seq = value instanceof Fragment.Sequence
                || (value instanceof Fragment.Copy c && c.node().resolve() instanceof YSequence s && !s.flow());
        return seq && !style().indentedSequences() ? column : column + style().unit();
    }

    /** Writes a non-inline value's lines, each starting at {@code column}. */
    private void block(StringBuilder b, int column, Fragment value) {
        if (value instanceof Fragment.Mapping m) {
            for (String anchor : m.mergeFrom()) {
                indent(b, column).append("<<: *").append(anchor).append('\n');
            }
            for (Map.Entry<String, Fragment> e : m.entries().entrySet()) {
                entry(b, column, e.getKey(), e.getValue());
            }
        } else if (value instanceof Fragment.Sequence s) {
            for (Fragment item : s.items()) {
                item(b, column, item);
            }
        } else if (value instanceof Fragment.Copy c) {
            block(b, column, copy(c.node()));
        } else {
            indent(b, column).append(inline(value)).append('\n');
        }
    }

    /** Writes one block-sequence item ({@code - value}) with its dash at {@code column}. */
    private void item(StringBuilder b, int column, Fragment item) {
        indent(b, column).append("- ");
        if (item instanceof Fragment.Text f && f.kind() == Fragment.Text.Kind.FOLDED) {
            b.append(">-\n");
            foldedLines(b, column + 2, f);
            return;
        }
        if (isInline(item)) {
            b.append(inline(item)).append('\n');
        } else {
            StringBuilder inner = new StringBuilder();
            block(inner, column + 2, item);
            b.append(inner.substring(column + 2));
        }
    }

    private void foldedLines(StringBuilder b, int column, Fragment.Text f) {
        for (String line : f.value().split("\n", -1)) {
            indent(b, column).append(line).append('\n');
        }
    }

    /** Whether a fragment is written on the key's line. */
    private boolean isInline(Fragment f) {
        if (f instanceof Fragment.Text) {
            return true;
        }
        if (f instanceof Fragment.Sequence s) {
            return s.flow() || s.items().isEmpty();
        }
        if (f instanceof Fragment.Mapping m) {
            return m.entries().isEmpty() && m.mergeFrom().isEmpty();
        }
        Fragment.Copy c = (Fragment.Copy) f;
        YNode n = c.node().resolve();
        return n instanceof YScalar || (n instanceof YMapping m && (m.flow() || m.entries().isEmpty()))
                || (n instanceof YSequence s && (s.flow() || s.items().isEmpty()));
    }

    private String inline(Fragment f) {
        if (f instanceof Fragment.Text t) {
            return scalar(t);
        }
        return flow(f);
    }

    /** The flow form: {@code {a: 1, b: [x, y]}}. */
    private String flow(Fragment f) {
        if (f instanceof Fragment.Text t) {
            return scalar(t);
        }
        if (f instanceof Fragment.Sequence s) {
            List<String> parts = new ArrayList<>();
            for (Fragment item : s.items()) {
                parts.add(flow(item));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (f instanceof Fragment.Mapping m) {
            List<String> parts = new ArrayList<>();
            for (String anchor : m.mergeFrom()) {
                parts.add("<<: *" + anchor);
            }
            for (Map.Entry<String, Fragment> e : m.entries().entrySet()) {
                parts.add(e.getKey() + ": " + flow(e.getValue()));
            }
            return "{" + String.join(", ", parts) + "}";
        }
        return flow(copy(((Fragment.Copy) f).node()));
    }

    /** An existing node as a fragment: scalars keep their source text when it is on one line. */
    private Fragment copy(YNode node) {
        YNode n = node.resolve();
        if (n instanceof YScalar s) {
            if (s.isNull()) {
                return Fragment.raw("null");
            }
            boolean oneLine = s.start().line() == s.end().line()
                    && (s.style() == YScalar.Style.PLAIN || s.style() == YScalar.Style.SINGLE_QUOTED
                    || s.style() == YScalar.Style.DOUBLE_QUOTED);
            if (!java.util.Objects.equals(s.start().source(), doc.source())) {
                // A node of another file (a base file, when writing into an override): its text is not
                // this document's; a one-line plain scalar's value is its text, anything else is quoted.
                return oneLine && s.style() == YScalar.Style.PLAIN ? Fragment.raw(s.value()) : Fragment.quoted(s.value());
            }
            String source = text.substring(s.start().offset(), s.end().offset());
            return oneLine ? Fragment.raw(source) : Fragment.quoted(s.value());
        }
        if (n instanceof YSequence seq) {
            List<Fragment> items = new ArrayList<>();
            for (YNode item : seq.items()) {
                items.add(copy(item));
            }
            return new Fragment.Sequence(items, seq.flow());
        }
        YMapping m = (YMapping) n;
        Fragment.Mapping out = Fragment.mapping();
        for (YEntry e : m.members()) {
            out.entries().put(e.keyText(), copy(e.value()));
        }
        return out;
    }

    private String scalar(Fragment.Text t) {
        return switch (t.kind()) {
            case RAW -> t.value();
            case QUOTED -> quote(t.value(), style().quote());
            case STRING -> plainSafe(t.value()) ? t.value() : quote(t.value(), style().quote());
            case FOLDED -> {
                String line = t.value().replace('\n', ' ');
                yield plainSafe(line) ? line : quote(line, style().quote());
            }
        };
    }

    /** Whether {@code value} written plain reads back as the same string. */
    static boolean plainSafe(String value) {
        if (value.isEmpty() || !value.equals(value.strip())) {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(value.charAt(0)) >= 0) {
            return false;
        }
        if (value.contains(": ") || value.contains(" #") || value.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        if (value.length() <= 5) { // lower-casing never shortens: a longer value is none of these
            String lower = value.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("null") || lower.equals("~") || lower.equals("true") || lower.equals("false")
                    || lower.equals(".inf") || lower.equals("-.inf") || lower.equals(".nan")) {
                return false;
            }
        }
        return !number(value);
    }

    /**
     * Whether YAML would read {@code value} as a number rather than a string: whether it matches
     * {@code [-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+} as a whole, read by
     * hand (fixes ask for every value they write, and a matcher costs more than the reading).
     */
    static boolean number(String value) {
        int n = value.length();
        if (n >= 2 && value.charAt(0) == '0' && (value.charAt(1) == 'x' || value.charAt(1) == 'o')) {
            boolean hex = value.charAt(1) == 'x';
            for (int i = 2; i < n; i++) {
                char c = value.charAt(i);
                if (!(c >= '0' && c <= '7' || hex && (c >= '8' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'))) {
                    return false;
                }
            }
            return n > 2;
        }
        int i = 0;
        if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        if (i < n && digit(value.charAt(i))) {
            i++;
            while (i < n && (digit(value.charAt(i)) || value.charAt(i) == '_')) {
                i++;
            }
            if (i < n && value.charAt(i) == '.') {
                i++;
                while (i < n && digit(value.charAt(i))) {
                    i++;
                }
            }
        } else if (i < n && value.charAt(i) == '.') {
            int from = ++i;
            while (i < n && digit(value.charAt(i))) {
                i++;
            }
            if (i == from) {
                return false;
            }
        } else {
            return false;
        }
        if (i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                i++;
            }
            int from = i;
            while (i < n && digit(value.charAt(i))) {
                i++;
            }
            if (i == from) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    static String quote(String value, char q) {
        if (q == '\'') {
            boolean printable = true; // a loop, not chars().allMatch: a stream and a lambda a start would link
            for (int i = 0; i < value.length() && printable; i++) {
                char c = value.charAt(i);
                printable = c >= 0x20 && c != 0x7F;
            }
            if (printable) {
                return "'" + value.replace("'", "''") + "'";
            }
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    // ---------------------------------------------------------------- positions

    /** Where a node's text really ends: the last child's end for block collections. */
    private static int lastEnd(YNode n) {
        return n.end().offset();
    }

    /**
     * The offset just after the line holding {@code offset - 1} (a node's exclusive end), i.e. the
     * start of the next line; block scalars already end at a line start.
     */
    private int afterLineOf(int end) {
        if (end > 0 && text.charAt(end - 1) == '\n') {
            return end;
        }
        int nl = text.indexOf('\n', end);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** The offset just after the colon that follows an entry's key. */
    private int colonEnd(YEntry entry) {
        int i = entry.key().end().offset();
        while (i < text.length() && text.charAt(i) != ':') {
            i++;
        }
        return Math.min(text.length(), i + 1);
    }

    private TextEdit edit(int start, int end, String replacement) {
        return new TextEdit(start, end, replacement, doc.source());
    }

    private TextEdit insertText(int at, String inserted) {
        return edit(at, at, inserted);
    }

    private TextEdit deleteText(int start, int end) {
        return edit(start, end, "");
    }

    /** Inserts whole lines (written with '\n') at a line start, in the file's line endings. */
    private TextEdit lineInsert(int at, String linesText) {
        String eol = eol();
        String converted = eol.equals("\n") ? linesText : linesText.replace("\n", eol);
        if (at == text.length() && !text.isEmpty() && !text.endsWith("\n")) {
            // The file has no final line break: keep it that way.
            converted = eol + converted.substring(0, converted.length() - eol.length());
        }
        return insertText(at, converted);
    }

    private String strip(String blockText) {
        String s = blockText.endsWith("\n") ? blockText.substring(0, blockText.length() - 1) : blockText;
        String eol = eol();
        return eol.equals("\n") ? s : s.replace("\n", eol);
    }

    private static StringBuilder indent(StringBuilder b, int column) {
        if (column < SPACES.length) {
            return b.append(SPACES[column]); // one copy rather than a call per space
        }
        for (int i = 0; i < column; i++) {
            b.append(' ');
        }
        return b;
    }

    /** {@code column} spaces at index {@code column}. */
    private static final String[] SPACES = new String[64];

    static {
        for (int i = 0; i < SPACES.length; i++) {
            SPACES[i] = " ".repeat(i);
        }
    }

    /** The file's habits: indentation unit, whether sequences are indented under their key, quotes. */
    record Style(int unit, boolean indentedSequences, char quote) {

        /** How many nodes {@link #of} looks at, at most: a huge file's habits show long before its end. */
        private static final int VISITED = 20_000;

        /**
         * The habits of {@code doc}'s text: the most common step from a block mapping's key to the keys of
         * the block mapping below it (2 when none), whether a block sequence's dashes are indented under their
         * key more often than not, and the quote used most. Collections are walked from a stack; a scalar
         * value or item is looked at where its collection is.
         */
        static Style of(YamlDocument doc) {
            Walk w = new Walk();
            String text = doc.text();
            if (doc.root() != null) {
                w.visit(doc.root());
            }
            while (!w.stack.isEmpty() && w.visited < VISITED) {
                YNode n = w.stack.remove(w.stack.size() - 1);
                if (n instanceof YMapping m) {
                    boolean block = !m.flow();
                    List<YEntry> entries = m.entries();
                    for (int i = 0, size = entries.size(); i < size && w.visited < VISITED; i++) {
                        YEntry e = entries.get(i);
                        YNode v = e.value();
                        if (block && v instanceof YMapping child) {
                            if (!child.flow() && !child.entries().isEmpty()) {
                                Span key = e.key().span();
                                // On a later line than its key: a line feed between them (the one before the
                                // child, found looking back a few columns rather than searching the lines).
                                if (text.lastIndexOf('\n', child.span().startOffset() - 1) >= key.startOffset()) {
                                    int d = child.entries().get(0).key().span().startColumn() - key.startColumn();
                                    if (d > 0 && d < w.units.length) {
                                        w.units[d]++;
                                    }
                                }
                            }
                        } else if (block && v instanceof YSequence seq && !seq.flow() && !seq.items().isEmpty()) {
                            int dashCol = seq.items().get(0).span().startColumn() - 2;
                            if (dashCol > e.key().span().startColumn()) {
                                w.indented++;
                            } else {
                                w.flush++;
                            }
                        }
                        w.visit(v);
                    }
                } else if (n instanceof YSequence s) {
                    List<YNode> items = s.items();
                    for (int i = 0, size = items.size(); i < size && w.visited < VISITED; i++) {
                        w.visit(items.get(i));
                    }
                }
            }
            int unit = 2;
            for (int d = 1; d < w.units.length; d++) {
                if (w.units[d] > w.units[unit]) {
                    unit = d;
                }
            }
            return new Style(unit, w.indented >= w.flush, w.singles > w.doubles ? '\'' : '"');
        }

        /** What {@link #of} counts as it walks, and the collections it has still to look into. */
        private static final class Walk {
            final int[] units = new int[9];
            int indented;
            int flush;
            int singles;
            int doubles;
            int visited;
            final List<YNode> stack = new ArrayList<>();

            /** Counts a node as visited: a scalar's quotes now, a collection pushed to be looked into. */
            void visit(YNode n) {
                visited++;
                if (n instanceof YScalar s) {
                    if (s.style() == YScalar.Style.SINGLE_QUOTED) {
                        singles++;
                    } else if (s.style() == YScalar.Style.DOUBLE_QUOTED) {
                        doubles++;
                    }
                } else if (n instanceof YMapping || n instanceof YSequence) {
                    stack.add(n);
                }
            }
        }
    }
}
