package dev.composefix.yaml;

/**
 * Counts the mapping keys of a YAML text in one pass over its characters, before the parser sees it,
 * so that a file with far too many keys is refused in milliseconds instead of after SnakeYAML has
 * scanned (and we have built nodes for) half a million of them.
 *
 * <p>The count is a lower bound: whatever the scan is not sure of is not counted. It follows the
 * structure of YAML closely enough to know what is inside a scalar: block scalars ({@code |}, {@code >})
 * by their indentation, quoted scalars across lines, flow collections by their brackets and the
 * continuation lines of multi-line plain scalars. It counts an implicit key in block context
 * ({@code key:} at the start of a node, plain or quoted) and every value indicator in flow context.
 * Explicit keys without a value, keys that are aliases and whatever follows a construct it does not
 * follow are left out. On a well-formed file the count never exceeds the keys the parser finds; the
 * property is tested on the corpus, the fixtures, their mutants and generated unusual files.
 */
final class KeyPrescan {

    private static final int NONE = -1;

    private final String text;
    private final int limit;
    private int count;
    private int past = NONE;

    // Inside a quoted scalar that runs over lines: its quote character, else 0.
    private char quote;
    // Nesting of flow collections, and whether the next character in flow context starts a node.
    private int flow;
    private boolean flowNodeStart;
    private int flowNode = NONE;
    // Block scalar: header seen, content indentation not known yet, then skipping from this indentation.
    private boolean blockPending;
    private int blockIndent = NONE;
    private int headerIndent;
    private boolean headerKeyed;
    private int headerDigit;
    // Lines indented more than this continue a plain scalar.
    private int plainIndent = NONE;
    // The line ends in NEL or a Unicode separator: SnakeYAML breaks the line there, yet a colon before
    // it is no value indicator to its scanner.
    private boolean softBreak;
    // Column of the key or dash whose value was left empty on the line before (the parent of what follows).
    private int openColumn = NONE;

    private KeyPrescan(String text, int limit) {
        this.text = text;
        this.limit = limit;
    }

    /** The offset of the first key counted past {@code limit}, or -1 when no more than {@code limit} were counted. */
    static int pastLimit(String text, int limit) {
        KeyPrescan scan = new KeyPrescan(text, limit);
        scan.run();
        return scan.past;
    }

    /** The keys counted in the whole text. */
    static int count(String text) {
        KeyPrescan scan = new KeyPrescan(text, Integer.MAX_VALUE);
        scan.run();
        return scan.count;
    }

    private void run() {
        int n = text.length();
        int p = 0;
        while (p < n && past == NONE) {
            int eol = p;
            while (eol < n && !lineBreak(text.charAt(eol))) {
                eol++;
            }
            int end = eol > p && text.charAt(eol - 1) == '\r' ? eol - 1 : eol;
            softBreak = eol < n && text.charAt(eol) != '\n';
            line(p, end);
            p = eol + 1;
        }
    }

    private void key(int offset) {
        if (++count > limit && past == NONE) {
            past = offset;
        }
    }

    private void line(int start, int end) {
        if (quote != 0) {
            int after = closeQuote(start, end, quote);
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
            blockPending = false;
            if (headerDigit > 0) {
                blockIndent = headerKeyed ? headerIndent + 1 : Math.max(0, headerDigit - 1);
            } else if (headerKeyed) {
                blockIndent = indent > headerIndent ? indent : NONE;
            } else {
                blockIndent = headerIndent > 0 ? Math.max(indent, 1) : indent;
            }
        }
        if (blockIndent != NONE) {
            if (indent >= blockIndent) {
                return;
            }
            blockIndent = NONE;
        }
        char c = text.charAt(first);
        if (plainIndent != NONE) {
            if (indent > plainIndent && c != '#') {
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
                blockHeader(p, end, indent, keyColumn != NONE || dashed, root);
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
                if (!tabbed) {
                    key(p);
                }
                keyColumn = p - start;
                p = colon + 1;
                continue;
            }
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

    private void blockHeader(int p, int end, int indent, boolean keyed, boolean root) {
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
            return;
        }
        blockPending = true;
        headerIndent = root ? 0 : indent;
        headerKeyed = keyed && !root;
        headerDigit = digit;
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
                }
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

    /** Whether the colon at {@code i} is followed by a blank or a hard line end. */
    private boolean valueFollows(int i, int end) {
        return i + 1 < end ? blank(text.charAt(i + 1)) : !softBreak;
    }

    private int skipBlanks(int p, int end) {
        while (p < end && blank(text.charAt(p))) {
            p++;
        }
        return p;
    }

    /** Line breaks as SnakeYAML Engine reads them: NEL and the Unicode separators too (CR is refused earlier). */
    private static boolean lineBreak(char c) {
        return c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean flowIndicator(char c) {
        return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }
}
