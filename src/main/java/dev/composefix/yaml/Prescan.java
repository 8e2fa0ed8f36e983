package dev.composefix.yaml;

/**
 * Counts the mapping keys of a YAML text and measures its scalars in one pass over its characters,
 * before the parser sees it, so that a file with far too many keys or a value far too long is refused
 * in milliseconds instead of after SnakeYAML has scanned (and we have built nodes for) all of it.
 *
 * <p>Both are lower bounds: whatever the scan is not sure of is not counted. The length of a scalar
 * counts its characters as written, an escape sequence as one and a line break as none, and leaves
 * out blanks that folding could remove. The scan follows the structure of YAML closely enough to know
 * what is inside a scalar: block scalars ({@code |}, {@code >}) by their indentation, quoted scalars
 * across lines, flow collections by their brackets and the continuation lines of multi-line plain
 * scalars. It counts an implicit key in block context ({@code key:} at the start of a node, plain or
 * quoted) and every value indicator in flow context. Explicit keys without a value, keys that are
 * aliases and whatever follows a construct it does not follow are left out. Lines end at line feeds:
 * the loader refuses lone carriage returns and the characters YAML readers disagree on as line breaks
 * (NEL, U+2028, U+2029) before the scan. On a well-formed file the count never exceeds the keys the
 * parser finds, nor the measure the longest scalar; both are tested on the corpus, the fixtures, their
 * mutants and generated text.
 */
final class Prescan {

    private static final int NONE = -1;

    /** What the scan found past a limit: where, and the error's words. */
    record Excess(int offset, String message) {
    }

    private final String text;
    private final int maxKeys;
    private final int maxScalar;
    private int count;
    private int past = NONE;
    private String excess;
    // The scalar being measured: where it starts and the characters counted so far; the longest one.
    private int scalarStart;
    private long scalarLength;
    private long longest;
    // In flow context: whether the characters of a plain scalar are being counted.
    private boolean flowPlain;

    // Inside a quoted scalar that runs over lines: its quote character, else 0.
    private char quote;
    // Nesting of flow collections, and whether the next character in flow context starts a node.
    private int flow;
    private boolean flowNodeStart;
    private int flowNode = NONE;
    // Block scalar: header seen, content indentation not known yet, then skipping from this indentation.
    private boolean blockPending;
    private int blockIndent = NONE;
    private int headerParent;
    private boolean headerRoot;
    private int headerDigit;
    // Lines indented more than this continue a plain scalar.
    private int plainIndent = NONE;
    // Column of the key or dash whose value was left empty on the line before (the parent of what follows).
    private int openColumn = NONE;

    private Prescan(String text, int maxKeys, int maxScalar) {
        this.text = text;
        this.maxKeys = maxKeys;
        this.maxScalar = maxScalar;
    }

    /** The first key past {@code maxKeys} or scalar longer than {@code maxScalar}, or null when neither is found. */
    static Excess check(String text, int maxKeys, int maxScalar) {
        Prescan scan = new Prescan(text, maxKeys, maxScalar);
        scan.run();
        return scan.past == NONE ? null : new Excess(scan.past, scan.excess);
    }

    /** What the scan counts of a whole text: its keys and the length of its longest scalar. */
    record Totals(int keys, long longest) {
    }

    /** The keys counted and the longest scalar measured in the whole text. */
    static Totals totals(String text) {
        Prescan scan = new Prescan(text, Integer.MAX_VALUE, Integer.MAX_VALUE);
        scan.run();
        return new Totals(scan.count, scan.longest);
    }

    private void run() {
        int n = text.length();
        int p = 0;
        while (p < n && past == NONE) {
            int eol = text.indexOf('\n', p);
            if (eol < 0) {
                eol = n;
            }
            int end = eol > p && text.charAt(eol - 1) == '\r' ? eol - 1 : eol;
            line(p, end);
            p = eol + 1;
        }
    }

    private void key(int offset) {
        if (++count > maxKeys && past == NONE) {
            past = offset;
            excess = "more than " + maxKeys + " keys in the file";
        }
    }

    private void beginScalar(int offset, long length) {
        scalarStart = offset;
        scalarLength = 0;
        grow(length);
    }

    private void grow(long length) {
        scalarLength += length;
        if (scalarLength > longest) {
            longest = scalarLength;
            if (longest > maxScalar && past == NONE) {
                past = scalarStart;
                excess = "a value over the limit of " + maxScalar + " characters";
            }
        }
    }

    private void line(int start, int end) {
        if (quote != 0) {
            int from = skipBlanks(start, end);
            int after = closeQuote(from, end, quote);
            grow(quotedChars(from, after < 0 ? trimEnd(from, end) : after - 1, quote));
            if (after < 0) {
                return;
            }
            quote = 0;
            if (flow > 0) {
                flowNodeStart = false;
                scanFlow(after, end, true);
            }
            return;
        }
        if (flow > 0) {
            scanFlow(start, end, false);
            return;
        }
        int p = start;
        while (p < end && text.charAt(p) == ' ') {
            p++;
        }
        int indent = p - start;
        int first = p;
        while (first < end && (text.charAt(first) == ' ' || text.charAt(first) == '\t')) {
            first++;
        }
        if (first == end) {
            return;
        }
        if (blockPending) {
            // The content is indented more than the header's parent: by the indentation indicator, or as
            // much as the first line that is (a line indented less ends an empty scalar).
            blockPending = false;
            if (headerRoot) {
                blockIndent = headerDigit > 0 ? headerDigit - 1 : indent;
            } else if (headerParent == NONE) {
                blockIndent = headerDigit > 0 ? Math.max(0, headerDigit - 1) : Math.max(indent, 1);
            } else if (headerDigit > 0) {
                blockIndent = headerParent + 1;
            } else {
                blockIndent = indent > headerParent ? indent : NONE;
            }
        }
        if (blockIndent != NONE) {
            if (indent >= blockIndent) {
                grow(end - first);
                return;
            }
            blockIndent = NONE;
        }
        char c = text.charAt(first);
        if (plainIndent != NONE) {
            if (indent > plainIndent && c != '#') {
                grow(plainEnd(first, end) - first);
                return;
            }
            plainIndent = NONE;
        }
        if (c == '#') {
            return;
        }
        int previousOpen = openColumn;
        openColumn = NONE;
        boolean root = false;
        if (indent == 0) {
            if (c == '%') {
                return;
            }
            if (end - p >= 3 && (text.startsWith("---", p) || text.startsWith("...", p))
                    && (end - p == 3 || blank(text.charAt(p + 3)))) {
                p += 3;
                root = true;
            }
        }
        node(start, p, end, indent, first != p, root, previousOpen);
    }

    /** A line in block context from {@code p}: indicators, properties, then a key or a value. */
    private void node(int start, int p, int end, int indent, boolean tabbed, boolean root, int previousOpen) {
        boolean dashed = false;
        int column = NONE;
        int keyColumn = NONE;
        while (true) {
            p = skipBlanks(p, end);
            if (p >= end || text.charAt(p) == '#') {
                openColumn = keyColumn != NONE ? keyColumn : column;
                return;
            }
            char c = text.charAt(p);
            boolean indicator = (c == '-' || c == '?' || c == ':') && (p + 1 >= end || blank(text.charAt(p + 1)));
            if (indicator && keyColumn == NONE) {
                dashed = true;
                column = p - start;
                p++;
                continue;
            }
            if (c == '&' || c == '!') {
                while (p < end && !blank(text.charAt(p))) {
                    p++;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                int after = closeQuote(p + 1, end, c);
                beginScalar(p, quotedChars(p + 1, after < 0 ? trimEnd(p + 1, end) : after - 1, c));
                if (after < 0) {
                    quote = c;
                    return;
                }
                int colon = skipBlanks(after, end);
                if (keyColumn == NONE && colon < end && text.charAt(colon) == ':' && valueFollows(colon, end)) {
                    if (!tabbed) {
                        key(p);
                    }
                    keyColumn = p - start;
                    p = colon + 1;
                    continue;
                }
                return;
            }
            if (c == '[' || c == '{') {
                flow = 0;
                flowNodeStart = true;
                scanFlow(p, end, false);
                return;
            }
            if (c == '|' || c == '>') {
                int parent = keyColumn != NONE ? keyColumn : dashed ? column : previousOpen;
                // A header alone at the first column can only be the document's own node.
                boolean top = root || keyColumn == NONE && !dashed && indent == 0;
                if (blockHeader(p, end, parent, top)) {
                    beginScalar(p, 0);
                }
                return;
            }
            if (c == '*' || c == '%' || c == '@' || c == '`' || c == ',' || c == ']' || c == '}' || indicator) {
                return;
            }
            // A plain scalar: a key when a value indicator ends it on this line.
            int colon = NONE;
            for (int i = p + 1; keyColumn == NONE && i < end; i++) {
                char d = text.charAt(i);
                if (d == '#' && blank(text.charAt(i - 1))) {
                    break;
                }
                if (d == ':' && valueFollows(i, end)) {
                    colon = i;
                }
                if (colon != NONE) {
                    break;
                }
            }
            if (colon != NONE) {
                beginScalar(p, trimEnd(p, colon) - p);
                if (!tabbed) {
                    key(p);
                }
                keyColumn = p - start;
                p = colon + 1;
                continue;
            }
            beginScalar(p, plainEnd(p, end) - p);
            // A plain value: lines indented more than its parent continue it.
            if (keyColumn != NONE) {
                plainIndent = keyColumn;
            } else if (dashed) {
                plainIndent = column;
            } else {
                plainIndent = previousOpen != NONE ? previousOpen : 0;
            }
            return;
        }
    }

    /** Takes a block scalar's header at {@code p}; false when it is none. */
    private boolean blockHeader(int p, int end, int parent, boolean root) {
        int i = p + 1;
        int digit = 0;
        while (i < end) {
            char c = text.charAt(i);
            if (c >= '1' && c <= '9') {
                digit = c - '0';
            } else if (c != '+' && c != '-') {
                break;
            }
            i++;
        }
        int after = skipBlanks(i, end);
        if (after < end && (after == i || text.charAt(after) != '#')) {
            return false;
        }
        blockPending = true;
        headerParent = parent;
        headerRoot = root;
        headerDigit = digit;
        return true;
    }

    /** Flow context from {@code p} to the end of the line; {@code adjacent}: a quoted node just closed. */
    private void scanFlow(int p, int end, boolean adjacent) {
        int lineStart = p;
        for (int i = p; i < end; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                adjacent = false;
                continue;
            }
            if (c == '#' && (i == lineStart || blank(text.charAt(i - 1)))) {
                return;
            }
            if (c == ':' || c == ',' || flowIndicator(c)) {
                flowPlain = false;
            }
            boolean valueIndicator = c == ':' && (adjacent || valueFollows(i, end)
                    || i + 1 < end && flowIndicator(text.charAt(i + 1)));
            adjacent = false;
            if (valueIndicator) {
                key(flowNode != NONE ? flowNode : i);
                flowNodeStart = true;
                flowNode = NONE;
            } else if (c == ',') {
                flowNodeStart = true;
                flowNode = NONE;
            } else if (c == '[' || c == '{') {
                flow++;
                flowNodeStart = true;
                flowNode = NONE;
            } else if (c == ']' || c == '}') {
                flow--;
                flowNodeStart = false;
                adjacent = true;
                if (flow <= 0) {
                    flow = 0;
                    return;
                }
            } else if (flowNodeStart) {
                if (flowNode == NONE) {
                    flowNode = i;
                }
                if (c == '"' || c == '\'') {
                    int after = closeQuote(i + 1, end, c);
                    beginScalar(i, quotedChars(i + 1, after < 0 ? trimEnd(i + 1, end) : after - 1, c));
                    if (after < 0) {
                        quote = c;
                        return;
                    }
                    flowNodeStart = false;
                    adjacent = true;
                    i = after - 1;
                } else if (c == '&' || c == '!') {
                    while (i + 1 < end && !blank(text.charAt(i + 1)) && !flowIndicator(text.charAt(i + 1))) {
                        i++;
                    }
                } else if (!(c == '?' && (i + 1 >= end || blank(text.charAt(i + 1))))) {
                    flowNodeStart = false;
                    flowPlain = c != '*';
                    if (flowPlain) {
                        beginScalar(i, 1);
                    }
                }
            } else if (flowPlain && c != ':') {
                grow(1);
            }
        }
    }

    /** The offset after the quote that closes a quoted scalar begun before {@code p}, or -1 past the line. */
    private int closeQuote(int p, int end, char q) {
        for (int i = p; i < end; i++) {
            char c = text.charAt(i);
            if (q == '"') {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    return i + 1;
                }
            } else if (c == '\'') {
                if (i + 1 < end && text.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** Whether the colon at {@code i} is followed by a blank or the line's end. */
    private boolean valueFollows(int i, int end) {
        return i + 1 >= end || blank(text.charAt(i + 1));
    }

    /** Characters of a quoted scalar's text in {@code [from, to)}: an escape sequence counts as one. */
    private long quotedChars(int from, int to, char q) {
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (q == '"' && c == '\\') {
                char e = i + 1 < to ? text.charAt(i + 1) : 0;
                i += e == 'x' ? 3 : e == 'u' ? 5 : e == 'U' ? 9 : 1;
                if (e == 0) {
                    continue; // an escaped line break
                }
            } else if (q == '\'' && c == '\'') {
                i++;
            }
            n++;
        }
        return n;
    }

    /** The end of a plain scalar's text on a line from {@code p}: before a comment and trailing blanks. */
    private int plainEnd(int p, int end) {
        for (int i = p + 1; i < end; i++) {
            if (text.charAt(i) == '#' && blank(text.charAt(i - 1))) {
                end = i;
                break;
            }
        }
        return trimEnd(p, end);
    }

    private int trimEnd(int p, int end) {
        while (end > p && blank(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private int skipBlanks(int p, int end) {
        while (p < end && blank(text.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean flowIndicator(char c) {
        return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }
}
